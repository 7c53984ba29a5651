using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Video;

namespace PostGuard.Browser.Tests.Infrastructure;

/// <summary>A phone-like clip made with ffmpeg from sample1 (three identifiable faces): 2 s, 640×360, with the phone's location.</summary>
public static class TestClips
{
    public static async Task<string> ThreeFacesWithLocationAsync()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "sports-day.mp4");
        if (File.Exists(path))
        {
            return path;
        }
        var assets = AssetDirectory.Locate();
        var labels = LabelledImage.Load(Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels", "sample1.json"));
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(assets.PathOf(labels.Image))).Pixels;
        var view = new CameraView(960, 640, 1920);
        var script = new ClipScript("sports-day", 640, 360, 15, [new ScriptedShot("sports-day/sample1", photo, labels.Faces, 2, view, view)]);
        await ScriptedClipWriter.WriteAsync(script, path + ".partial", new VideoOptions(), ClipFormat.Mp4,
            new Dictionary<string, string> { ["location"] = "+51.5072-000.1276/", ["creation_time"] = "2026-06-12T10:15:00Z" });
        File.Move(path + ".partial", path, overwrite: true);
        return path;
    }
}
