namespace PostGuard.Vision.Assets;

/// <summary>
/// Finds the files fetched from models/assets.tsv (models, lexicons, test photos; ONNX Runtime comes with its NuGet package).
/// The root is configuration (<c>Assets:Root</c>) when given; otherwise the nearest directory named
/// <c>models</c> holding <c>assets.tsv</c>, searched upwards from the application's base directory
/// and then the current directory (a source checkout, or /app/models in the container image).
/// </summary>
public sealed class AssetDirectory
{
    public const string ManifestFileName = "assets.tsv";

    public AssetDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>The full path of an asset by its manifest destination, e.g. "blazeface/face_detection_back_256x256.onnx".</summary>
    public string PathOf(string destination)
    {
        var path = Path.Combine(Root, destination);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Asset '{destination}' is missing under {Root}. Run models/fetch (it runs automatically before every build) to fetch and verify it.", path);
        }
        return path;
    }

    public static AssetDirectory Locate(string? configuredRoot = null)
    {
        if (!string.IsNullOrWhiteSpace(configuredRoot))
        {
            return new AssetDirectory(configuredRoot);
        }
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models");
                if (File.Exists(Path.Combine(candidate, ManifestFileName)))
                {
                    return new AssetDirectory(candidate);
                }
            }
        }
        throw new DirectoryNotFoundException(
            $"Could not find the models directory (with {ManifestFileName}) above {AppContext.BaseDirectory}; set Assets:Root to it.");
    }
}
