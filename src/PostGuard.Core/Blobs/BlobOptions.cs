namespace PostGuard.Core.Blobs;

public sealed class BlobOptions
{
    public const string SectionName = "Blobs";

    /// <summary>Directory of the content-addressed store; default: "blobs" under the data directory.</summary>
    public string? Root { get; set; }
}
