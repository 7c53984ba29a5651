using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// The embedded default as a real process: `PostGuard.Server serve --role all` on SQLite and the
/// in-memory bus, listening on a free port of 127.0.0.1 with its own data directory. For what only a
/// separate process shows: its memory, Kestrel's limits, a client address other than the test's.
/// </summary>
public sealed class StandaloneServer : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private Process? _process;

    private StandaloneServer(Dictionary<string, string> environment, string dataDir, int port)
    {
        _environment = environment;
        DataDir = dataDir;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public string DataDir { get; }

    public string DatabasePath => Path.Combine(DataDir, "postguard.db");

    public static async Task<StandaloneServer> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var dataDir = Directory.CreateTempSubdirectory("postguard-standalone-").FullName;
        var environment = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["Messaging__Transport"] = "InMemory",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        var server = new StandaloneServer(environment, dataDir, FreePort());
        var migrate = await server.RunVerbAsync("migrate");
        Assert.True(migrate.ExitCode == 0, migrate.StdErr);
        server._process = Cli.ServerProcess.Start(dataDir, environment, ["serve", "--role", "all", "--urls", server.BaseAddress.ToString()], log: server.Output.Enqueue);
        await Cli.ServerProcess.WaitUntilReadyAsync(server.BaseAddress, server._process, TimeSpan.FromMinutes(1), () => string.Join(Environment.NewLine, server.Output));
        return server;
    }

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("not started");

    /// <summary>A school (consent-based, Instagram and LinkedIn) with one user per role; returns the API tokens by role.</summary>
    public async Task<IReadOnlyDictionary<string, string>> AddSchoolAsync(string id)
    {
        var school = await RunVerbAsync("admin", "add-school", "--id", id, "--name", $"School {id}", "--policy", "consent-based", "--channels", "instagram,linkedin");
        Assert.True(school.ExitCode == 0, school.StdErr);
        var tokens = new Dictionary<string, string>();
        foreach (var role in Core.Schools.Roles.All)
        {
            var user = await RunVerbAsync("admin", "add-user", "--school", id, "--email", $"{role}@{id}.sch.uk", "--role", role);
            Assert.True(user.ExitCode == 0, user.StdErr);
            tokens[role] = user.StdOut.Trim();
        }
        return tokens;
    }

    public HttpClient Client(string? token = null, TimeSpan? timeout = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress, Timeout = timeout ?? TimeSpan.FromSeconds(100) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>Resident memory of the server process now and at its peak (VmRSS, VmHWM), in MB.</summary>
    public (double Resident, double Peak) Memory()
    {
        double Read(string field)
        {
            var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        }
        return (Read("VmRSS"), Read("VmHWM"));
    }

    /// <summary>Resets the peak resident memory (VmHWM) to the current resident size.</summary>
    public void ResetPeakMemory() => File.WriteAllText($"/proc/{ProcessId}/clear_refs", "5");

    public Task<Cli.ServerProcess.Result> RunVerbAsync(params string[] args) => RunVerbWithInputAsync(null, args);

    /// <summary>Runs a verb against this server's database, writing <paramref name="input"/> to its standard input (e.g. --password-stdin).</summary>
    public Task<Cli.ServerProcess.Result> RunVerbWithInputAsync(string? input, params string[] args) =>
        Cli.ServerProcess.RunAsync(DataDir, _environment, input, args);

    /// <summary>What the serving process wrote to its console (its log).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Output { get; } = new();

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
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
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
