using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Server.Cli;
using PostGuard.Server.Hosting;

namespace PostGuard.Browser.Tests.Infrastructure;

/// <summary>
/// The real PostGuard server (api + worker, SQLite, in-memory bus) listening with Kestrel on a free
/// port of 127.0.0.1, built exactly as `PostGuard.Server serve` builds it.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LiveServer(WebApplication app, string dataDir, Uri address)
    {
        _app = app;
        DataDir = dataDir;
        Address = address;
    }

    public string DataDir { get; }

    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public T Get<T>() where T : notnull => _app.Services.GetRequiredService<T>();

    public static async Task<LiveServer> StartAsync(params string[] extraArgs)
    {
        var dataDir = Directory.CreateTempSubdirectory("postguard-browser-").FullName;
        string[] args =
        [
            "serve", "--role", "all", "--urls", "http://127.0.0.1:0", "--data-dir", dataDir,
            "--Database:Provider", "Sqlite", "--Messaging:Transport", "InMemory", "--Logging:LogLevel:Default", "Warning",
            // Every test's staff sign in from 127.0.0.1: the per-address sign-in limit would refuse them (the per-account lockout still applies).
            "--RateLimits:SignInAttemptsPerMinute", "1000",
            // The tests' webhook receiver listens on loopback, which only an allow-list opens.
            "--Notifications:WebhookAllowedNetworks", "127.0.0.1/32",
            .. extraArgs,
        ];
        var app = ServeCommand.Build(CommandLine.Parse(args, new HashSet<string>()));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new LiveServer(app, dataDir, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // SQLite's pool may still hold the file for a moment; the temp directory is the OS's to clean.
        }
    }
}
