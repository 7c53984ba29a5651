using Microsoft.Extensions.Options;
using PostGuard.Core.Retention;

namespace PostGuard.Server.Hosting;

/// <summary>Runs the photo retention policy periodically in worker processes.</summary>
public sealed class PhotoRetentionService(PhotoRetention retention, IOptions<RetentionOptions> options, TimeProvider time, ILogger<PhotoRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.IntervalMinutes), time);
        do
        {
            try
            {
                await retention.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Photo retention pass failed; trying again in {Minutes} min", options.Value.IntervalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
