using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PostGuard.Server.Hosting;

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Drafts and revisions one staff member may submit per minute.</summary>
    [Range(1, 10_000)]
    public int SubmissionsPerMinute { get; set; } = 30;

    /// <summary>Sign-in attempts per minute from one address (on top of the per-account lockout).</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}

/// <summary>
/// Rate limits: submissions per staff member (they start CPU-heavy analysis) and sign-in attempts
/// per client address (password guessing across accounts). Refusals are 429 problems with Retry-After.
/// </summary>
public static class RateLimits
{
    public static IServiceCollection AddPostGuardRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method))
                {
                    return RateLimitPartition.GetNoLimiter("none");
                }
                var path = context.Request.Path.Value ?? "";
                if (path.StartsWith("/sign-in", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/signin", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter($"sign-in:{context.Connection.RemoteIpAddress}", _ => Window(limits.SignInAttemptsPerMinute));
                }
                if (IsSubmission(path) && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user)
                {
                    return RateLimitPartition.GetFixedWindowLimiter($"submit:{user}", _ => Window(limits.SubmissionsPerMinute));
                }
                return RateLimitPartition.GetNoLimiter("none");
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await Results.Problem(statusCode: 429, title: "Too many requests",
                    detail: "Too many submissions or sign-in attempts in a minute; wait a minute and try again.").ExecuteAsync(context.HttpContext);
            };
        });
        return services;
    }

    private static bool IsSubmission(string path) =>
        path.Equals("/api/v1/drafts", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWith("/api/v1/drafts/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/revisions", StringComparison.OrdinalIgnoreCase))
        || path.StartsWith("/drafts/new", StringComparison.OrdinalIgnoreCase)
        || (path.StartsWith("/drafts/", StringComparison.OrdinalIgnoreCase) && path.EndsWith("/edit", StringComparison.OrdinalIgnoreCase));

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    };
}
