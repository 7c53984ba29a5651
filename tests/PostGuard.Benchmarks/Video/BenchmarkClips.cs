using System.Diagnostics;
using System.Globalization;
using PostGuard.Vision.Assets;

namespace PostGuard.Benchmarks.Video;

/// <summary>
/// The clip the speed target is measured on: 60 s of 1080p30 H.264 at a phone's bitrate (about 16 Mbit/s: sensor noise
/// added so the encoder cannot coast), a slow pan across sample1 (three faces) with stereo AAC sound. Made once with
/// ffmpeg from the fetched photo and kept in the temporary directory (it takes a few minutes to encode on two cores).
/// </summary>
internal static class BenchmarkClips
{
    private const string Version = "v1";

    public static string SixtySeconds1080p(AssetDirectory assets)
    {
        var directory = Path.Combine(Path.GetTempPath(), "postguard-benchmark-clips");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"pan-1080p30-60s-{Version}.mp4");
        if (File.Exists(path))
        {
            return path;
        }
        var partial = path + ".partial.mp4";
        string[] arguments =
        [
            "-v", "error", "-y", "-loop", "1", "-framerate", "30", "-i", assets.PathOf("photos/face-api/sample1.jpg"),
            "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=60",
            "-filter_complex", "[0:v]scale=2880:-2,crop=1920:1080:x='(iw-1920)*(0.5+0.5*sin(t/6))':y='(ih-1080)/2',noise=alls=12:allf=t,format=yuv420p[v]",
            "-map", "[v]", "-map", "1:a", "-t", "60",
            "-c:v", "libx264", "-preset", "veryfast", "-b:v", "16M", "-maxrate", "20M", "-bufsize", "20M", "-g", "60",
            "-c:a", "aac", "-ac", "2", "-b:a", "128k", "-f", "mp4", partial,
        ];
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Encoding the 60-s 1080p benchmark clip once into {path} ..."));
        using var process = Process.Start(info) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg could not make the benchmark clip: {errors}");
        }
        File.Move(partial, path, overwrite: true);
        return path;
    }
}
