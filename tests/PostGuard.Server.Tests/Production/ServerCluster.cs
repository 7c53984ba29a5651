using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Production;

/// <summary>
/// Production mode as real processes: one `serve --role api` and N `serve --role worker` against a
/// fresh PostgreSQL database and the real RabbitMQ (under its own queue prefix), sharing one blob
/// directory. Disposing it removes its queues and exchanges from the broker.
/// </summary>
public sealed class ServerCluster : IAsyncDisposable
{
    private readonly List<Process> _workers = [];
    private readonly Dictionary<string, string> _environment;
    private Process? _api;

    private ServerCluster(Dictionary<string, string> environment, string dataDir, int port)
    {
        _environment = environment;
        DataDir = dataDir;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }
    public string DataDir { get; }
    public string ConnectionString => _environment["Database__ConnectionString"];
    public IReadOnlyList<Process> Workers => _workers;
    public string QueuePrefix => _environment["Messaging__QueuePrefix"];
    public BrokerProbe Broker => new(_environment["Messaging__RabbitMq__Uri"], QueuePrefix);

    public static async Task<ServerCluster> StartAsync(int workers, IReadOnlyDictionary<string, string>? settings = null)
    {
        var backend = Backend.PostgresRabbitMq($"postguard_load_{Guid.NewGuid():N}"[..30]);
        var dataDir = Directory.CreateTempSubdirectory("postguard-load-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = backend.Settings["Database:ConnectionString"]!,
            ["Database__MigrateOnStart"] = "false",
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMq__Uri"] = backend.Settings["Messaging:RabbitMq:Uri"]!,
            ["Messaging__QueuePrefix"] = $"l{Guid.NewGuid():N}"[..10] + "-",
            ["Messaging__AnalysisConcurrency"] = "1",
            ["Reconciler__IntervalSeconds"] = "2",
            // Longer than a message's in-place retries (about 45 s), as in production (180 s): a draft
            // still being retried or waiting in a busy queue is not published a second time.
            ["Reconciler__StuckAfterSeconds"] = "60",
            ["Logging__LogLevel__Default"] = "Warning",
            ["RateLimits__SubmissionsPerMinute"] = "10000", // the load comes from one uploader
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var cluster = new ServerCluster(environment, dataDir, FreePort());
        var migrate = await cluster.RunVerbAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.StdErr);
        cluster._api = cluster.Start("serve", "--role", "api", "--urls", cluster.BaseAddress.ToString());
        for (var i = 0; i < workers; i++)
        {
            cluster.StartWorker();
        }
        await cluster.WaitUntilReadyAsync();
        return cluster;
    }

    public Process StartWorker()
    {
        var worker = Start("serve", "--role", "worker", "--urls", $"http://127.0.0.1:{FreePort()}");
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Adds the school "load-school" (consent-based, Instagram) and its uploader; returns the uploader's API token.</summary>
    public async Task<string> AddSchoolWithUploaderAsync()
    {
        var school = await RunVerbAsync("admin", "add-school", "--id", "load-school", "--name", "Load School", "--policy", "consent-based", "--channels", "instagram");
        Assert.True(school.ExitCode == 0, school.StdErr);
        var user = await RunVerbAsync("admin", "add-user", "--school", "load-school", "--email", "deputy@load.sch.uk", "--role", "uploader");
        Assert.True(user.ExitCode == 0, user.StdErr);
        return user.StdOut.Trim();
    }

    /// <summary>
    /// Stops every process still running as an operator would (SIGTERM, workers first) and waits for them
    /// to exit, killing any that take longer than a minute. Messages a worker held unacknowledged go back
    /// to their queue, so afterwards a queue's depth counts everything not yet done.
    /// </summary>
    public async Task StopAsync()
    {
        foreach (var process in _workers.Append(_api).OfType<Process>().Where(p => !p.HasExited))
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }
        foreach (var process in _workers.Append(_api).OfType<Process>())
        {
            using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(1));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    public Task<Cli.ServerProcess.Result> RunVerbAsync(params string[] args) => Cli.ServerProcess.RunAsync(DataDir, _environment, args);

    // Serving processes are drained so a chatty one never blocks on a full pipe.
    private Process Start(params string[] args) => Cli.ServerProcess.Start(DataDir, _environment, args, log: _ => { });

    private async Task WaitUntilReadyAsync()
    {
        await Cli.ServerProcess.WaitUntilReadyAsync(BaseAddress, _api!, TimeSpan.FromMinutes(1), () => "the api process");
        await Task.Delay(TimeSpan.FromSeconds(2)); // let the workers bind their queues
    }

    /// <summary>The highest peak resident memory of the worker processes still running (VmHWM).</summary>
    public double PeakWorkerMemoryMegabytes()
    {
        var peaks = _workers.Where(w => !w.HasExited).Select(w =>
        {
            w.Refresh();
            return w.PeakWorkingSet64 / (1024.0 * 1024.0);
        }).ToList();
        return peaks.Count == 0 ? double.NaN : peaks.Max();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _workers.Append(_api).OfType<Process>())
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
        try
        {
            await Broker.DeleteAllAsync();
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            // best effort: a fault test may have left the broker down
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
