using System.Diagnostics;

namespace PostGuard.Tests.Shared;

/// <summary>
/// What ffprobe itself says is in a clip's container and streams: the independent check that a published copy carries
/// no metadata (compiled into each test project that needs it, from this one file).
/// </summary>
public static class ClipTags
{
    /// <summary>The only tags ffprobe may show on a published copy: the file-type brands and the constant handler names.</summary>
    public const string MetadataFree =
        "^(format:(major_brand|minor_version|compatible_brands)=.*|stream:(language=und|handler_name=(VideoHandler|SoundHandler)|vendor_id=\\[0\\]\\[0\\]\\[0\\]\\[0\\]))$";

    /// <summary>Every tag ffprobe reports for the container and its streams, as "scope:key=value".</summary>
    public static async Task<List<string>> ReadAsync(byte[] clip)
    {
        var path = Path.Combine(Path.GetTempPath(), $"postguard-probe-{Guid.NewGuid():N}.mp4");
        await File.WriteAllBytesAsync(path, clip);
        try
        {
            var info = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in (string[])["-v", "error", "-show_entries", "format_tags:stream_tags", "-of", "compact=p=1:nk=0", path])
            {
                info.ArgumentList.Add(a);
            }
            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await errors);
            return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => line.Split('|').Skip(1).Select(t => $"{line.Split('|')[0]}:{(t.StartsWith("tag:", StringComparison.Ordinal) ? t[4..] : t)}"))];
        }
        finally
        {
            File.Delete(path);
        }
    }
}
