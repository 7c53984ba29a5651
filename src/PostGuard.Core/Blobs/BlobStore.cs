using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using PostGuard.Core.Storage;

namespace PostGuard.Core.Blobs;

/// <summary>
/// Content-addressed files on disk: a blob's name is the SHA-256 of its bytes, stored as
/// root/ab/cd/abcd....; writing the same bytes twice stores them once. Writes go to a temporary
/// file and are renamed into place, so a reader never sees a partial blob. Reads, writes and deletes
/// go through the store's resilience pipeline (the store may be a network volume): input/output
/// errors are retried and open the circuit; a missing or corrupt blob is an answer, not a fault.
/// </summary>
public sealed class BlobStore
{
    private readonly ResiliencePipeline _resilience;

    public BlobStore(IOptions<BlobOptions> options, IOptions<StorageOptions> storage, TimeProvider time, ILogger<BlobStore> logger)
    {
        Root = Path.GetFullPath(options.Value.Root ?? Path.Combine(storage.Value.DataDir, "blobs"));
        Directory.CreateDirectory(Root);
        options.Value.Resilience.Validate($"{BlobOptions.SectionName}:{ResilienceOptions.SubsectionName}");
        _resilience = DependencyResilience.Create("blob store", options.Value.Resilience, IsTransient, time, logger).Repeatable;
    }

    public string Root { get; }

    /// <summary>The key a content is stored under: its SHA-256, lower-case hex.</summary>
    public static string Sha256Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var sha256 = Sha256Of(content.Span);
        var path = PathOf(sha256);
        await _resilience.ExecuteAsync(static async (state, token) =>
        {
            var (path, content) = state;
            if (File.Exists(path))
            {
                return;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
            try
            {
                await File.WriteAllBytesAsync(temporary, content, token);
                File.Move(temporary, path, overwrite: true);
            }
            finally
            {
                File.Delete(temporary);
            }
        }, (path, content), cancellationToken);
        return sha256;
    }

    public async Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        var bytes = await _resilience.ExecuteAsync(static async (state, token) =>
        {
            var (store, sha256, path) = state;
            if (!File.Exists(path))
            {
                throw new BlobMissingException(sha256, store.Root);
            }
            return await File.ReadAllBytesAsync(path, token);
        }, (this, sha256, path), cancellationToken);
        if (!Convert.ToHexStringLower(SHA256.HashData(bytes)).Equals(sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Blob {sha256} is corrupt (its content no longer matches its hash)");
        }
        return bytes;
    }

    /// <summary>Deletes a blob (retention); deleting one that is already gone is not an error.</summary>
    public void Delete(string sha256) => _resilience.Execute(static path =>
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }, PathOf(sha256));

    /// <summary>Input/output errors of the store (a directory of its layout gone is one); a missing blob is an answer, not a fault.</summary>
    private static bool IsTransient(Exception exception) => exception is IOException and not FileNotFoundException;

    /// <summary>True when the store's directory can be written (readiness).</summary>
    public bool IsWritable()
    {
        try
        {
            var probe = Path.Combine(Root, $".probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{sha256}' is not a SHA-256 blob name", nameof(sha256));
        }
        return Path.Combine(Root, sha256[..2], sha256[2..4], sha256);
    }
}

/// <summary>A blob is not in the store (deleted under the retention policy, or lost).</summary>
public sealed class BlobMissingException(string sha256, string root) : FileNotFoundException($"Blob {sha256} is not in the store at {root}")
{
    public string Sha256 { get; } = sha256;
}
