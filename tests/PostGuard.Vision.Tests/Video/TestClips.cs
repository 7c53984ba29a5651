using System.Diagnostics;
using System.Text.Json;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Tests.Video;

/// <summary>
/// Clips made for the tests with ffmpeg from the labelled public photos (scripts in <see cref="TrackEvaluation"/> and
/// below), written once under the test output directory, and ffprobe for checking what was written.
/// </summary>
internal static class TestClips
{
    public static readonly string Directory = Path.Combine(AppContext.BaseDirectory, "clips");

    private static readonly Lazy<IReadOnlyDictionary<string, ClipScript>> Labelled = new(() =>
        TrackEvaluation.LabelledScripts(AssetDirectory.Locate(), VisionFixture.LabelsDirectory).ToDictionary(s => s.Name));

    public static VideoOptions Options() => new() { WorkDirectory = Path.Combine(Directory, "work") };

    /// <summary>One of the evaluation's labelled scripts by name (pan, zoom-in, cuts, enter-leave, fast-pan, ...).</summary>
    public static ClipScript Script(string name) => Labelled.Value[name];

    public static Task<string> PathOf(string name) => TrackEvaluation.MakeAsync(Script(name), Directory, Options());

    /// <summary>A clip of <paramref name="script"/> written fresh (not cached) with the given container and tags.</summary>
    public static async Task<string> Write(ClipScript script, string fileName, ClipFormat format = ClipFormat.Mp4, IReadOnlyDictionary<string, string>? tags = null, bool withSound = true)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, fileName);
        await ScriptedClipWriter.WriteAsync(script, path, Options(), format, tags, withSound);
        return path;
    }

    /// <summary>A short still shot of sample1 (three faces), 2 s.</summary>
    public static ClipScript Still(string name = "still", double seconds = 2, int width = TrackEvaluation.ClipWidth, int height = TrackEvaluation.ClipHeight)
    {
        var assets = AssetDirectory.Locate();
        var labels = LabelledImage.Load(Path.Combine(VisionFixture.LabelsDirectory, "sample1.json"));
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(assets.PathOf(labels.Image))).Pixels;
        var view = new CameraView(960, 640, 1920);
        return new ClipScript(name, width, height, TrackEvaluation.FramesPerSecond, [new ScriptedShot($"{name}/sample1", photo, labels.Faces, seconds, view, view)]);
    }

    /// <summary>Runs ffprobe on a file and returns its JSON description (format, streams, their tags).</summary>
    public static JsonElement Probe(string path, params string[] extra)
    {
        var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", "-show_format", "-show_streams", "-of", "json", .. extra, path])
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>Every tag ffprobe reports for the container and each stream, as "scope:key=value".</summary>
    public static List<string> Tags(string path)
    {
        var probe = Probe(path);
        var tags = new List<string>();
        if (probe.GetProperty("format").TryGetProperty("tags", out var f))
        {
            tags.AddRange(f.EnumerateObject().Select(p => $"format:{p.Name}={p.Value}"));
        }
        foreach (var stream in probe.GetProperty("streams").EnumerateArray())
        {
            if (stream.TryGetProperty("tags", out var t))
            {
                tags.AddRange(t.EnumerateObject().Select(p => $"{stream.GetProperty("codec_type").GetString()}:{p.Name}={p.Value}"));
            }
        }
        return tags;
    }

    /// <summary>An MD5 of every decoded video frame (ffmpeg's md5 muxer): equal when the pictures are the same.</summary>
    public static string PictureDigest(string path)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in (string[])["-v", "error", "-i", path, "-map", "0:v:0", "-f", "md5", "-"])
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var digest = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return digest;
    }

    /// <summary>Mean absolute difference per channel inside a box between two frames of the same size.</summary>
    public static double MeanDifference(RgbImage a, RgbImage b, FaceBox box)
    {
        var x0 = Math.Max(0, (int)box.X);
        var y0 = Math.Max(0, (int)box.Y);
        var x1 = Math.Min(a.Width, (int)box.Right);
        var y1 = Math.Min(a.Height, (int)box.Bottom);
        long sum = 0;
        long n = 0;
        for (var y = y0; y < y1; y++)
        {
            for (var x = x0; x < x1; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var i = (((y * a.Width) + x) * 3) + c;
                    sum += Math.Abs(a.Pixels[i] - b.Pixels[i]);
                    n++;
                }
            }
        }
        return n == 0 ? 0 : (double)sum / n;
    }
}
