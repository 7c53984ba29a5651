using PostGuard.Vision.Assets;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Real photos fetched through models/assets.tsv.</summary>
public static class TestPhotos
{
    public static string Path(string destination) => AssetDirectory.Locate().PathOf(destination);
}
