using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PostGuard.Core.Persistence;
using PostGuard.Core.Storage;
using PostGuard.Core.Submissions;
using PostGuard.Server.Hosting;

namespace PostGuard.Server.Api;

/// <summary>
/// Reads POST /api/v1/drafts: a multipart form with a part "draft" (JSON) and one file part per
/// image named by that image's "file". The body is read part by part as it arrives: the draft part up to
/// BodyLimits:DraftJsonBytes, each photo into a temporary file up to Submissions:MaxImageBytes and no
/// more than Submissions:MaxImages of them, so an oversized part is refused (400 naming it) while it is
/// still arriving, before it costs memory or much disk. Every structural problem names the part or field.
/// </summary>
public static class MultipartDraftReader
{
    private const int CopyBufferBytes = 81920;

    public static async Task<NewDraft> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(contentType.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new InputValidationException("request", "must be multipart/form-data with a part 'draft' (JSON) and one file part per image");
        }
        var services = request.HttpContext.RequestServices;
        var submissions = services.GetRequiredService<IOptions<SubmissionLimits>>().Value;
        var bodyLimits = services.GetRequiredService<IOptions<BodyLimitOptions>>().Value;
        var uploads = Directory.CreateDirectory(Path.Combine(services.GetRequiredService<IOptions<StorageOptions>>().Value.DataDir, "uploads")).FullName;

        string? json = null;
        var files = new List<UploadedPart>();
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            MultipartSection? section;
            while ((section = await NextSectionAsync(reader, cancellationToken)) is not null)
            {
                var disposition = section.GetContentDispositionHeader();
                var name = disposition is null ? null : HeaderUtilities.RemoveQuotes(disposition.Name).Value;
                if (disposition is null || string.IsNullOrEmpty(name))
                {
                    throw new InputValidationException("request", "every part needs a Content-Disposition with a name");
                }
                if (name == "draft")
                {
                    json = await ReadTextAsync(section.Body, bodyLimits.DraftJsonBytes, cancellationToken)
                        ?? throw new InputValidationException("draft", $"the draft part is larger than {bodyLimits.DraftJsonBytes} bytes");
                    continue;
                }
                if (files.Count >= submissions.MaxImages)
                {
                    throw new InputValidationException("files", $"more than {submissions.MaxImages} photo parts; the limit is {submissions.MaxImages} photos per draft");
                }
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "";
                files.Add(await SaveAsync(section, name, fileName, uploads, submissions.MaxImageBytes, cancellationToken));
            }

            if (string.IsNullOrWhiteSpace(json))
            {
                throw new InputValidationException("draft", "the part 'draft' with the draft's JSON is missing");
            }
            var body = Deserialize(json);
            var errors = new List<InputError>();
            var images = new List<NewDraftImage>();
            var used = new HashSet<UploadedPart>();
            var declared = body.Images ?? [];
            for (var i = 0; i < declared.Count; i++)
            {
                var name = declared[i]?.File;
                if (string.IsNullOrWhiteSpace(name))
                {
                    errors.Add(new InputError($"draft.images[{i}].file", "is required: the name of the file part holding this image"));
                    continue;
                }
                var file = files.FirstOrDefault(f => f.Name == name) ?? files.FirstOrDefault(f => f.FileName == name);
                if (file is null)
                {
                    errors.Add(new InputError($"draft.images[{i}].file", $"no file part named '{name}' was uploaded"));
                    continue;
                }
                used.Add(file);
                images.Add(new NewDraftImage(name, file.ContentType, await file.ReadAllAsync(cancellationToken), [.. (declared[i].Tags ?? []).Select(t => t?.ToNewTag() ?? NewTag.Plain(null))]));
            }
            foreach (var extra in files.Where(f => !used.Contains(f)))
            {
                errors.Add(new InputError($"files.{extra.Name}", $"the file part '{extra.Name}' is not listed in draft.images"));
            }
            if (errors.Count > 0)
            {
                throw new InputValidationException(errors);
            }
            return new NewDraft
            {
                Text = body.Text,
                Channels = body.Channels,
                PublishAt = body.PublishAt,
                CommentsEnabled = body.CommentsEnabled,
                Images = images,
            };
        }
        finally
        {
            foreach (var file in files)
            {
                await file.DisposeAsync();
            }
        }
    }

    private static async Task<MultipartSection?> NextSectionAsync(MultipartReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadNextSectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw new InputValidationException("request", $"the multipart body could not be read: {ex.Message}");
        }
    }

    /// <summary>Copies one photo part to a temporary file (deleted when disposed), refusing it as soon as it passes the limit.</summary>
    private static async Task<UploadedPart> SaveAsync(MultipartSection section, string name, string fileName, string directory, long maxBytes, CancellationToken cancellationToken)
    {
        var file = new FileStream(Path.Combine(directory, Guid.NewGuid().ToString("N")), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            CopyBufferBytes, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[CopyBufferBytes];
            long total = 0;
            int read;
            while ((read = await ReadSectionAsync(section.Body, buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > maxBytes)
                {
                    throw new InputValidationException($"files.{name}", $"'{(fileName.Length > 0 ? fileName : name)}' is larger than the limit of {maxBytes} bytes per photo; nothing was stored");
                }
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            return new UploadedPart(name, fileName, section.ContentType ?? "", file, total);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    private static async Task<int> ReadSectionAsync(Stream body, byte[] buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await body.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw new InputValidationException("request", $"the multipart body could not be read: {ex.Message}");
        }
    }

    /// <summary>A text part as UTF-8, or null when it is longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<string?> ReadTextAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var text = new MemoryStream();
        var buffer = new byte[CopyBufferBytes];
        int read;
        while ((read = await ReadSectionAsync(body, buffer, cancellationToken)) > 0)
        {
            if (text.Length + read > maxBytes)
            {
                return null;
            }
            text.Write(buffer, 0, read);
        }
        return Encoding.UTF8.GetString(text.GetBuffer(), 0, (int)text.Length);
    }

    private static DraftRequest Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DraftRequest>(json, Json.Options) ?? throw new InputValidationException("draft", "must be a JSON object");
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 1 } p ? "draft." + p.TrimStart('$', '.') : "draft";
            throw new InputValidationException(path, $"is not valid: {ex.Message.Split(" Path:")[0]}");
        }
    }

    /// <summary>A photo part waiting in its temporary file until the draft's JSON says which image it is.</summary>
    private sealed class UploadedPart(string name, string fileName, string contentType, FileStream file, long length) : IAsyncDisposable
    {
        public string Name { get; } = name;
        public string FileName { get; } = fileName;
        public string ContentType { get; } = contentType;

        public async Task<byte[]> ReadAllAsync(CancellationToken cancellationToken)
        {
            var content = new byte[length];
            file.Position = 0;
            await file.ReadExactlyAsync(content, cancellationToken);
            return content;
        }

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
