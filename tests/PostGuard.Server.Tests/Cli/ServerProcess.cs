using System.Diagnostics;

namespace PostGuard.Server.Tests.Cli;

/// <summary>Runs the real PostGuard.Server executable (as built beside the tests) with a verb, capturing its output and exit code.</summary>
public static class ServerProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static string ServerDll()
    {
        var testDir = AppContext.BaseDirectory;
        var serverDir = testDir.Replace(
            Path.Combine("tests", "PostGuard.Server.Tests"), Path.Combine("src", "PostGuard.Server"), StringComparison.Ordinal);
        var dll = Path.Combine(serverDir, "PostGuard.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("PostGuard.Server must be built before these tests", dll);
    }

    public static Task<Result> RunAsync(string dataDir, params string[] args) => RunAsync(dataDir, new Dictionary<string, string>(), args);

    /// <summary>Runs a verb with extra environment variables (configuration in its environment form, e.g. Database__Provider).</summary>
    public static async Task<Result> RunAsync(string dataDir, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        start.ArgumentList.Add(ServerDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(dataDir);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
