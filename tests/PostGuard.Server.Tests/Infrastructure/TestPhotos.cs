using PostGuard.Vision.Assets;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Real photos fetched through models/assets.tsv.</summary>
public static class TestPhotos
{
    public static string Path(string destination) => AssetDirectory.Locate().PathOf(destination);

    /// <summary>sample1 as a 640-px PNG without metadata (three identifiable faces, no GPS), from the Vision tests' data.</summary>
    public static string ThreeFacesNoGps() =>
        System.IO.Path.Combine(Directory.GetParent(AssetDirectory.Locate().Root)!.FullName, "tests", "PostGuard.Vision.Tests", "TestData", "sample1-640.png");
}
