using PostGuard.Vision.Assets;

namespace PostGuard.Vision.Tests;

/// <summary>One real inspector (real ONNX Runtime, real models) shared by the tests, as the product shares one.</summary>
public sealed class VisionFixture : IDisposable
{
    public VisionFixture()
    {
        Assets = AssetDirectory.Locate();
        Inspector = new ImageInspector(new VisionOptions { AssetsRoot = Assets.Root });
    }

    public AssetDirectory Assets { get; }

    public ImageInspector Inspector { get; }

    public byte[] Sample(int number) => File.ReadAllBytes(Assets.PathOf($"photos/face-api/sample{number}.jpg"));

    public static byte[] TestFile(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static string LabelsDirectory => Path.Combine(AppContext.BaseDirectory, "Labels");

    public void Dispose() => Inspector.Dispose();
}

[CollectionDefinition(Name)]
public sealed class VisionCollection : ICollectionFixture<VisionFixture>
{
    public const string Name = "vision";
}
