using Microsoft.Extensions.Diagnostics.HealthChecks;
using PostGuard.Vision;

namespace PostGuard.Server.Hosting;

/// <summary>Readiness of a worker: ONNX Runtime and the face models load.</summary>
public sealed class FaceModelHealthCheck(Lazy<ImageInspector> inspector) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            _ = inspector.Value;
            return Task.FromResult(HealthCheckResult.Healthy("BlazeFace models loaded"));
        }
        catch (Exception ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"face detection unavailable: {ex.Message}"));
        }
    }
}
