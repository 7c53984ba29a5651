namespace PostGuard.Server.Hosting;

/// <summary>What one process does: all (api and worker, the embedded default), api (HTTP only) or worker (consumers only).</summary>
public enum ServerRole
{
    All,
    Api,
    Worker,
}

public static class ServerRoles
{
    public static bool ServesHttp(this ServerRole role) => role is ServerRole.All or ServerRole.Api;

    public static bool RunsWorkers(this ServerRole role) => role is ServerRole.All or ServerRole.Worker;

    public static ServerRole Parse(string? value) => value?.ToLowerInvariant() switch
    {
        null or "" or "all" => ServerRole.All,
        "api" => ServerRole.Api,
        "worker" => ServerRole.Worker,
        _ => throw new Cli.UsageException($"--role: unknown role '{value}' (expected all, api or worker)"),
    };
}
