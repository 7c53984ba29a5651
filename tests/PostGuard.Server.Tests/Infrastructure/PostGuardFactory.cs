using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>The real PostGuard service (api and worker in one process) on a given backend, with its own data directory.</summary>
public sealed class PostGuardFactory : WebApplicationFactory<Program>
{
    private readonly Backend _backend;
    private readonly IReadOnlyDictionary<string, string?> _extra;

    public PostGuardFactory(Backend backend, IReadOnlyDictionary<string, string?>? extra = null)
    {
        _backend = backend;
        _extra = extra ?? new Dictionary<string, string?>();
        DataDir = Directory.CreateTempSubdirectory("postguard-test-").FullName;
    }

    public string DataDir { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/PostGuard.Server");
        builder.UseSetting("DataDir", DataDir);
        builder.UseSetting("Reconciler:IntervalSeconds", "1");
        foreach (var (key, value) in _backend.Settings.Concat(_extra))
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            try
            {
                Directory.Delete(DataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by SQLite's pool; the temp directory is cleaned by the OS.
            }
        }
    }
}
