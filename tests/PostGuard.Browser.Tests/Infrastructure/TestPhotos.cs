using PostGuard.Vision.Assets;

namespace PostGuard.Browser.Tests.Infrastructure;

/// <summary>Real photos: sample1 as a 640-px PNG without metadata (three identifiable faces, no GPS), from the Vision tests' data.</summary>
public static class TestPhotos
{
    public static string ThreeFacesNoGps() =>
        Path.Combine(Directory.GetParent(AssetDirectory.Locate().Root)!.FullName, "tests", "PostGuard.Vision.Tests", "TestData", "sample1-640.png");
}
