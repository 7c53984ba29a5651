using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PostGuard.Server.Tests.Cli;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Telemetry;

/// <summary>Telemetry is off unless a collector is configured, and a collector address that is not one stops the service at start.</summary>
public sealed class TelemetrySettingsTests(SqliteInMemoryFixture fixture) : IClassFixture<SqliteInMemoryFixture>
{
    [Fact]
    public void Without_a_collector_address_no_telemetry_is_collected()
    {
        Assert.Null(fixture.Factory.Services.GetService<TracerProvider>());
        Assert.Null(fixture.Factory.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task A_collector_address_that_is_not_http_stops_the_service_at_start_naming_the_setting()
    {
        var dataDir = Directory.CreateTempSubdirectory("postguard-telemetry-").FullName;
        try
        {
            var result = await ServerProcess.RunAsync(dataDir, "serve", "--urls", "http://127.0.0.1:0", "--Telemetry:OtlpEndpoint", "collector:4318");
            Assert.Equal(4, result.ExitCode);
            Assert.Contains("OtlpEndpoint", result.StdErr, StringComparison.Ordinal);
            Assert.Contains("not an absolute http:// or https:// address", result.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dataDir, recursive: true);
        }
    }
}
