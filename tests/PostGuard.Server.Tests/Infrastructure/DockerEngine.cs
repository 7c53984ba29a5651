using DotNet.Testcontainers.Configurations;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>Whether Testcontainers can reach a Docker engine (DOCKER_HOST, ~/.testcontainers.properties, the default socket).</summary>
public static class DockerEngine
{
    private static readonly Lazy<string?> Probe = new(Ask);

    /// <summary>Null when an engine answers; otherwise why none can be used. Asked once per test run.</summary>
    public static string? UnavailableReason() => Probe.Value;

    private static string? Ask()
    {
        try
        {
            // Testcontainers tries each configured endpoint and keeps the first that answers a ping.
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is null
                ? "no Docker engine is reachable: Testcontainers found none through DOCKER_HOST, ~/.testcontainers.properties or /var/run/docker.sock"
                : null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return $"no Docker engine is reachable: {e.GetType().Name}: {e.Message}";
        }
    }
}
