using System.Diagnostics;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Stops and starts the real RabbitMQ and PostgreSQL for fault tests. Needs the machine's service
/// tools and the right to use them (root, as in .ci/run, which sets POSTGUARD_TEST_SERVICE_CONTROL
/// and POSTGUARD_TEST_PG_CLUSTER, e.g. "15 main").
/// </summary>
public static class ServiceControl
{
    public const string Variable = "POSTGUARD_TEST_SERVICE_CONTROL";

    public static bool Enabled => Environment.GetEnvironmentVariable(Variable) == "1";

    public static Task StopRabbitMqAsync() => RunAsync("rabbitmqctl", "-q", "stop_app");

    public static Task StartRabbitMqAsync() => RunAsync("rabbitmqctl", "-q", "start_app");

    public static Task StopPostgresAsync() => RunAsync("pg_ctlcluster", [.. Cluster(), "stop", "-m", "fast"]);

    public static Task StartPostgresAsync() => RunAsync("pg_ctlcluster", [.. Cluster(), "start"]);

    private static string[] Cluster() =>
        (Environment.GetEnvironmentVariable("POSTGUARD_TEST_PG_CLUSTER") ?? "15 main").Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static async Task RunAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{command} {string.Join(' ', args)} failed: {await stderr}");
    }
}

/// <summary>A test that stops and starts the real services; skipped (with the reason) where it may not, except under CI.</summary>
public sealed class ServiceControlFactAttribute : FactAttribute
{
    public ServiceControlFactAttribute()
    {
        if ((RealServices.MissingReason is not null || !ServiceControl.Enabled || !RealServices.FromVariables) && !RealServices.InCi)
        {
            Skip = RealServices.MissingReason
                ?? (RealServices.FromVariables
                    ? $"stops and starts RabbitMQ and PostgreSQL: set {ServiceControl.Variable}=1 where that is allowed (as .ci/run does)"
                    : $"stops and starts the machine's RabbitMQ and PostgreSQL, not containers: needs {RealServices.PostgresVariable}, {RealServices.RabbitMqVariable} and {ServiceControl.Variable}=1 (as .ci/run sets them)");
        }
    }
}
