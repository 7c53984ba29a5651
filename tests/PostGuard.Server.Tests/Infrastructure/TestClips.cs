using System.Diagnostics;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Video;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Video clips made with ffmpeg from the public test photos, as a phone would write them, once per test run.</summary>
public static class TestClips
{
    private static readonly string Directory = System.IO.Path.Combine(AppContext.BaseDirectory, "clips");
    private static readonly SemaphoreSlim Making = new(1, 1);

    /// <summary>Where an Android phone puts it: QuickTime ©xyz (written by ffmpeg as 3GPP loci in an MP4) and the UTC creation time.</summary>
    public static readonly IReadOnlyDictionary<string, string> PhoneLocation = new Dictionary<string, string>
    {
        ["location"] = "+51.5072-000.1276/",
        ["creation_time"] = "2026-06-12T10:15:00Z",
    };

    /// <summary>
    /// A 2-s, 640×360, 15 fps H.264 MP4 with AAC sound of sample1 (three identifiable faces, seen whole throughout), with
    /// the phone's location and creation time in its container.
    /// </summary>
    public static Task<byte[]> ThreeFacesWithLocationAsync() => MakeAsync("three-faces-gps.mp4", Still(), PhoneLocation);

    /// <summary>The same clip without any location or time.</summary>
    public static Task<byte[]> ThreeFacesAsync() => MakeAsync("three-faces.mp4", Still(), null);

    /// <summary>A tiny clip made by ffmpeg's own test source, for header limits: <paramref name="seconds"/> long at <paramref name="rate"/> frames per second.</summary>
    public static async Task<byte[]> TestPatternAsync(double seconds, int rate, string name)
    {
        var path = System.IO.Path.Combine(Directory, name);
        await Making.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                System.IO.Directory.CreateDirectory(Directory);
                await PostGuard.Tests.Shared.Ffmpeg.Run("-y", "-f", "lavfi", "-i", FormattableString.Invariant($"testsrc=size=64x64:rate={rate}"), "-t", FormattableString.Invariant($"{seconds}"),
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", path);
            }
        }
        finally
        {
            Making.Release();
        }
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>The clip written with its index first, cut in the middle of its pictures (an interrupted upload).</summary>
    public static async Task<byte[]> TruncatedAsync()
    {
        var whole = System.IO.Path.Combine(Directory, "three-faces-faststart.mp4");
        await ThreeFacesAsync();
        await Making.WaitAsync();
        try
        {
            if (!File.Exists(whole))
            {
                await PostGuard.Tests.Shared.Ffmpeg.Run("-y", "-i", System.IO.Path.Combine(Directory, "three-faces.mp4"), "-c", "copy", "-movflags", "+faststart", whole);
            }
        }
        finally
        {
            Making.Release();
        }
        var bytes = await File.ReadAllBytesAsync(whole);
        return bytes[..(bytes.Length / 2)];
    }

    /// <summary>Decodes the frame shown at <paramref name="seconds"/> of a clip to RGB with ffmpeg.</summary>
    public static async Task<RgbImage> FrameAsync(byte[] clip, double seconds, int width, int height)
    {
        var path = System.IO.Path.Combine(Directory, $"frame-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, clip);
        try
        {
            var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])["-v", "error", "-ss", FormattableString.Invariant($"{seconds}"), "-i", path, "-frames:v", "1", "-vf", $"scale={width}:{height}", "-pix_fmt", "rgb24", "-f", "rawvideo", "-"])
            {
                info.ArgumentList.Add(a);
            }
            using var process = Process.Start(info)!;
            var image = new RgbImage(width, height);
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.BaseStream.ReadExactlyAsync(image.Pixels);
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await errors);
            return image;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static ClipScript Still()
    {
        var assets = AssetDirectory.Locate();
        var labels = LabelledImage.Load(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels", "sample1.json"));
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(assets.PathOf(labels.Image))).Pixels;
        var view = new CameraView(960, 640, 1920);
        return new ClipScript("three-faces", 640, 360, 15, [new ScriptedShot("three-faces/sample1", photo, labels.Faces, 2, view, view)]);
    }

    private static async Task<byte[]> MakeAsync(string name, ClipScript script, IReadOnlyDictionary<string, string>? tags)
    {
        var path = System.IO.Path.Combine(Directory, name);
        await Making.WaitAsync();
        try
        {
            if (!File.Exists(path))
            {
                System.IO.Directory.CreateDirectory(Directory);
                await ScriptedClipWriter.WriteAsync(script, path + ".partial", new VideoOptions(), ClipFormat.Mp4, tags);
                File.Move(path + ".partial", path);
            }
        }
        finally
        {
            Making.Release();
        }
        return await File.ReadAllBytesAsync(path);
    }
}
