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
    public static Task<Result> RunAsync(string dataDir, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(dataDir, environment, input: null, args);

    /// <summary>Runs a verb to its end, writing <paramref name="input"/> (when given) to its standard input (e.g. --password-stdin).</summary>
    public static async Task<Result> RunAsync(string dataDir, IReadOnlyDictionary<string, string> environment, string? input, params string[] args)
    {
        using var process = Start(dataDir, environment, args, redirectInput: input is not null);
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts the server executable with a verb against <paramref name="dataDir"/>, its output redirected. With
    /// <paramref name="log"/> every output line goes there as it comes (a long-running verb such as serve must be
    /// drained so a full pipe never blocks it); without it the caller reads the output.
    /// </summary>
    public static Process Start(string dataDir, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args, bool redirectInput = false, Action<string>? log = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = redirectInput,
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
        var process = Process.Start(start)!;
        if (log is not null)
        {
            process.OutputDataReceived += (_, e) => log(e.Data ?? "");
            process.ErrorDataReceived += (_, e) => log(e.Data ?? "");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    /// <summary>
    /// Waits until the server at <paramref name="baseAddress"/> answers /health/ready with 200, failing at once if
    /// <paramref name="process"/> exits; <paramref name="describe"/> says what it wrote, for the failure message.
    /// </summary>
    public static async Task WaitUntilReadyAsync(Uri baseAddress, Process process, TimeSpan patience, Func<string> describe)
    {
        using var client = new HttpClient { BaseAddress = baseAddress };
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == System.Net.HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode} before it was ready: {describe()}");
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"the server did not become ready within {patience.TotalSeconds:0} s: {describe()}");
    }
}
