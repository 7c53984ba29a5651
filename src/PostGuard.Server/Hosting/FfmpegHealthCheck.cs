using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PostGuard.Vision.Video;

namespace PostGuard.Server.Hosting;

/// <summary>
/// Readiness of any role: ffprobe answers (uploads of clips are checked with it, workers decode with ffmpeg from the
/// same package). Asked once until it answers; without it every clip would be refused or held.
/// </summary>
public sealed class FfmpegHealthCheck(IOptions<VideoOptions> options) : IHealthCheck
{
    private string? _version;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_version is { } known)
        {
            return HealthCheckResult.Healthy(known);
        }
        try
        {
            _version = await new ClipProbe(options.Value).ToolVersionAsync(cancellationToken);
            return HealthCheckResult.Healthy(_version);
        }
        catch (VideoToolUnavailableException ex)
        {
            return HealthCheckResult.Unhealthy($"video clips unavailable: {ex.Message}");
        }
    }
}
