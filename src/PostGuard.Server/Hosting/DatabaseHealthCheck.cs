using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PostGuard.Core.Blobs;
using PostGuard.Core.Persistence;

namespace PostGuard.Server.Hosting;

/// <summary>Readiness: the database answers and has been migrated.</summary>
public sealed class DatabaseHealthCheck(Database database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            var migrations = await connection.ExecuteScalarAsync<long>(database.Command("SELECT COUNT(*) FROM schema_migrations", cancellationToken: cancellationToken));
            return migrations > 0
                ? HealthCheckResult.Healthy($"{database.Provider}, {migrations} migration(s) applied")
                : HealthCheckResult.Unhealthy($"{database.Provider} has no migrations applied: run the migrate verb");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"{database.Provider} is unavailable: {ex.Message}");
        }
    }
}

/// <summary>Readiness: the blob store can be written.</summary>
public sealed class BlobStoreHealthCheck(BlobStore blobs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(blobs.IsWritable() ? HealthCheckResult.Healthy(blobs.Root) : HealthCheckResult.Unhealthy($"cannot write to {blobs.Root}"));
}
