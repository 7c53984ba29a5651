using System.Diagnostics;
using System.Net;
using PostGuard.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Production mode under load and faults, as real processes on the real PostgreSQL and RabbitMQ:
/// every accepted draft ends with exactly one decision, nothing is approved because something broke,
/// nothing is left on the broker afterwards (no message ready or unacknowledged), and the API answers
/// 503 (not 500) while a dependency is down. Figures go to the test output and to the report file
/// .ci/run prints.
/// </summary>
[Collection(RealServicesCollection.Name)] // one cluster at a time, alone: faults stop the shared services
public sealed class LoadAndFaultTests(ITestOutputHelper output)
{
    private const int Drafts = 200;
    private const int Concurrency = 16;

    [PostgresRabbitFact]
    public Task Load_of_200_mixed_drafts_with_one_worker_decides_each_exactly_once() => LoadAsync(workers: 1);

    [PostgresRabbitFact]
    public Task Load_of_200_mixed_drafts_with_two_workers_decides_each_exactly_once() => LoadAsync(workers: 2);

    [PostgresRabbitFact]
    public async Task Killing_a_worker_mid_analysis_loses_nothing()
    {
        await using var cluster = await ServerCluster.StartAsync(workers: 2);
        var run = new LoadRun(cluster, await cluster.AddSchoolWithUploaderAsync());
        var watch = Stopwatch.StartNew();
        var submitting = run.SubmitAsync(Drafts, Concurrency, async i =>
        {
            if (i == Drafts / 3)
            {
                cluster.Workers[0].Kill(); // SIGKILL: in-flight messages are never acknowledged
                await Task.CompletedTask;
            }
        });
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(4), submitting);
        await run.AssertExactlyOneCorrectDecisionEachAsync();
        Assert.Equal(Drafts, run.AcceptedDrafts.Count);
        await ReportAsync(run, run.Report("worker SIGKILL at draft 66", watch.Elapsed.TotalSeconds, 2));
    }

    [PostgresRabbitFact]
    public async Task Stopping_a_worker_gracefully_finishes_or_returns_its_work()
    {
        await using var cluster = await ServerCluster.StartAsync(workers: 2);
        var run = new LoadRun(cluster, await cluster.AddSchoolWithUploaderAsync());
        var watch = Stopwatch.StartNew();
        var stopped = Stopwatch.StartNew();
        var submitting = run.SubmitAsync(Drafts, Concurrency, async i =>
        {
            if (i == Drafts / 3)
            {
                using var term = Process.Start("kill", ["-TERM", cluster.Workers[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
                stopped.Restart();
            }
        });
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(4), submitting);
        await cluster.Workers[0].WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        output.WriteLine($"worker stopped {stopped.Elapsed.TotalSeconds:0.0} s after SIGTERM, exit code {cluster.Workers[0].ExitCode}");
        Assert.Equal(0, cluster.Workers[0].ExitCode); // a clean stop, not a crash
        await run.AssertExactlyOneCorrectDecisionEachAsync();
        await ReportAsync(run, run.Report("worker SIGTERM at draft 66", watch.Elapsed.TotalSeconds, 2));
    }

    [ServiceControlFact]
    public async Task Restarting_RabbitMQ_during_load_loses_nothing()
    {
        var run = await LoadWithOutageAsync("RabbitMQ stopped for 8 s", ServiceControl.StopRabbitMqAsync, ServiceControl.StartRabbitMqAsync, TimeSpan.FromSeconds(8));
        Assert.Equal(Drafts, run.AcceptedDrafts.Count); // the database is the source of truth: drafts are accepted while the broker is down
    }

    [ServiceControlFact]
    public async Task Stopping_PostgreSQL_for_10_seconds_answers_503_and_loses_nothing()
    {
        var run = await LoadWithOutageAsync("PostgreSQL stopped for 10 s", ServiceControl.StopPostgresAsync, ServiceControl.StartPostgresAsync, TimeSpan.FromSeconds(10));
        Assert.Contains(HttpStatusCode.ServiceUnavailable, run.Refusals);
    }

    /// <summary>Stops a service a quarter of the way into the load and starts it again after the outage.</summary>
    private async Task<LoadRun> LoadWithOutageAsync(string title, Func<Task> stop, Func<Task> start, TimeSpan outage)
    {
        await using var cluster = await ServerCluster.StartAsync(workers: 2);
        var run = new LoadRun(cluster, await cluster.AddSchoolWithUploaderAsync());
        var watch = Stopwatch.StartNew();
        Task? restart = null;
        var submitting = run.SubmitAsync(Drafts, Concurrency, async i =>
        {
            if (i == Drafts / 4)
            {
                await stop();
                restart = Task.Run(async () =>
                {
                    await Task.Delay(outage);
                    await start();
                });
            }
        });
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(5), submitting);
        await restart!;
        await run.AssertExactlyOneCorrectDecisionEachAsync();
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, run.Refusals);
        await ReportAsync(run, run.Report($"{title} ({run.Refusals.Count} refused)", watch.Elapsed.TotalSeconds, 2));
        return run;
    }

    private async Task LoadAsync(int workers)
    {
        await using var cluster = await ServerCluster.StartAsync(workers);
        var run = new LoadRun(cluster, await cluster.AddSchoolWithUploaderAsync());
        var watch = Stopwatch.StartNew();
        await run.WaitForAllDecisionsAsync(TimeSpan.FromMinutes(4), run.SubmitAsync(Drafts, Concurrency));
        var elapsed = watch.Elapsed.TotalSeconds;
        await run.AssertExactlyOneCorrectDecisionEachAsync();
        Assert.Equal(Drafts, run.AcceptedDrafts.Count);
        await ReportAsync(run, run.Report("steady load", elapsed, workers));
    }

    /// <summary>Reports the run (its line is taken while the workers still run, for their memory) once the broker is found drained.</summary>
    private async Task ReportAsync(LoadRun run, string line)
    {
        var broker = await run.AssertNothingLeftOnTheBrokerAsync();
        output.WriteLine(broker);
        Report(output, line);
    }

    /// <summary>Lines of the report table, to the test output and to the report file .ci/run prints.</summary>
    public static void Report(ITestOutputHelper output, params string[] lines)
    {
        output.WriteLine("| run | workers | accepted | refused | drafts/min | photos/s | p50 submit→decision | p95 | peak worker memory |");
        foreach (var line in lines)
        {
            output.WriteLine(line);
        }
        var path = Environment.GetEnvironmentVariable("POSTGUARD_LOAD_REPORT");
        if (!string.IsNullOrEmpty(path))
        {
            File.AppendAllLines(path, lines);
        }
    }
}
