using System.Text.Json;
using PostGuard.Core.Persistence;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Api;

/// <summary>
/// Reads POST /api/v1/drafts: a multipart form with a part "draft" (JSON) and one file part per
/// image named by that image's "file". Every structural problem becomes a 400 that names the part or field.
/// </summary>
public static class MultipartDraftReader
{
    public static async Task<NewDraft> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !(request.ContentType ?? "").StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputValidationException("request", "must be multipart/form-data with a part 'draft' (JSON) and one file part per image");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            throw new InputValidationException("request", $"the multipart body could not be read: {ex.Message}");
        }

        var json = form.TryGetValue("draft", out var field) && field.Count > 0 ? field[0]
            : form.Files.GetFile("draft") is { } draftFile ? await ReadTextAsync(draftFile, cancellationToken) : null;
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputValidationException("draft", "the part 'draft' with the draft's JSON is missing");
        }
        DraftRequest? body;
        try
        {
            body = JsonSerializer.Deserialize<DraftRequest>(json, Json.Options);
        }
        catch (JsonException ex)
        {
            var path = ex.Path is { Length: > 1 } p ? "draft." + p.TrimStart('$', '.') : "draft";
            throw new InputValidationException(path, $"is not valid: {ex.Message.Split(" Path:")[0]}");
        }
        if (body is null)
        {
            throw new InputValidationException("draft", "must be a JSON object");
        }

        var errors = new List<InputError>();
        var images = new List<NewDraftImage>();
        var used = new HashSet<IFormFile>();
        var declared = body.Images ?? [];
        for (var i = 0; i < declared.Count; i++)
        {
            var name = declared[i]?.File;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new InputError($"draft.images[{i}].file", "is required: the name of the file part holding this image"));
                continue;
            }
            var file = form.Files.FirstOrDefault(f => f.Name == name) ?? form.Files.FirstOrDefault(f => f.FileName == name && f.Name != "draft");
            if (file is null)
            {
                errors.Add(new InputError($"draft.images[{i}].file", $"no file part named '{name}' was uploaded"));
                continue;
            }
            used.Add(file);
            var content = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
            {
                await stream.ReadExactlyAsync(content, cancellationToken);
            }
            images.Add(new NewDraftImage(name, file.ContentType ?? "", content, [.. (declared[i].Tags ?? []).Select(t => t?.ToNewTag() ?? NewTag.Plain(null))]));
        }
        foreach (var extra in form.Files.Where(f => f.Name != "draft" && !used.Contains(f)))
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

    private static async Task<string> ReadTextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
