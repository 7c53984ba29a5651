using PostGuard.Core.Storage;

namespace PostGuard.Core.Blobs;

public sealed class BlobOptions
{
    public const string SectionName = "Blobs";

    /// <summary>Directory of the content-addressed store; default: "blobs" under the data directory.</summary>
    public string? Root { get; set; }

    /// <summary>Timeout, retry and circuit breaker around reading and writing blobs ("Blobs:Resilience").</summary>
    public ResilienceOptions Resilience { get; set; } = new();
}
