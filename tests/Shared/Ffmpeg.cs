using System.Diagnostics;

namespace PostGuard.Tests.Shared;

/// <summary>
/// Runs the ffmpeg command line in tests (to derive test clips), failing the test on a non-zero exit (compiled into
/// each test project that needs it, from this one file).
/// </summary>
public static class Ffmpeg
{
    public static async Task Run(params string[] arguments)
    {
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        info.ArgumentList.Add("-v");
        info.ArgumentList.Add("error");
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"ffmpeg {string.Join(' ', arguments)}: {await errors}");
    }
}
