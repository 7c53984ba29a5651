namespace PostGuard.Core.Storage;

/// <summary>Where PostGuard keeps its files: the data directory (SQLite database, blobs by default).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration key of the data directory (<c>--data-dir</c> on the command line).</summary>
    public const string DataDirKey = "DataDir";

    public string DataDir { get; set; } = "data";
}
