using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Api;
using PostGuard.Server.Cli;
using PostGuard.Server.Telemetry;
using PostGuard.Server.Web;

namespace PostGuard.Server.Hosting;

/// <summary>The service: HTTP API (roles all and api), consumers and reconciler (roles all and worker), health everywhere.</summary>
public static class ServeCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        cli.AllowOnly("--role");
        var app = Build(cli);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(CommandLine cli)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. cli.ConfigurationArgs],
            ContentRootPath = AppContext.BaseDirectory,
            // The pages are compiled into this assembly, whichever process hosts it (the tests host it too).
            ApplicationName = typeof(ServeCommand).Assembly.GetName().Name,
        });
        var role = ServerRoles.Parse(cli.Optional("--role") ?? builder.Configuration["Role"]);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        builder.Services.AddPostGuardAnalysis(builder.Configuration);
        builder.Services.AddPostGuardStorage();
        builder.Services.AddPostGuardMessaging(builder.Configuration, role);
        builder.Services.AddPostGuardTelemetry(builder.Configuration, role);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<BlobStoreHealthCheck>("blobs", tags: ["ready"])
            .AddCheck<FfmpegHealthCheck>("ffmpeg", tags: ["ready"]);
        if (role.RunsWorkers())
        {
            builder.Services.AddHealthChecks().AddCheck<FaceModelHealthCheck>("face-model", tags: ["ready"]);
        }
        builder.Services.AddPostGuardAuthentication(builder.Configuration);
        builder.Services.AddPostGuardWeb();
        builder.Services.AddPostGuardApi();
        builder.Services.AddAuthorization(options =>
        {
            foreach (var staffRole in Roles.All)
            {
                options.AddPolicy(staffRole, policy => policy.RequireAuthenticatedUser().RequireRole(staffRole));
            }
            // Uploaders read names and ids to tag; approvers and auditors read the register; consent admins write it.
            options.AddPolicy(PeopleEndpoints.ReadPeople, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All.ToArray()));
            // Those who post: the uploader, and the approver who signs off.
            options.AddPolicy(DraftEndpoints.CopyMedia, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Uploader, Roles.Approver));
        });
        builder.Services.AddBodyLimits(builder.Configuration, builder.WebHost);

        builder.Services.AddPostGuardRateLimits(builder.Configuration);
        builder.Services.AddTrustedProxies();

        var app = builder.Build();
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        // First: every later step (rate limits, cookies' Secure flag, logs) sees the client, not the proxy.
        app.UseTrustedProxies(app.Services.GetRequiredService<IOptions<TrustedProxyOptions>>().Value);
        app.UsePostGuardSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/health"),
            pages => pages.UseStatusCodePagesWithReExecute("/status/{0}"));
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync });
        if (role.ServesHttp())
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = WebAssets.Files });
            // Explicit, after the status code pages: a page's 403/404 is re-executed through routing to /status/{code}.
            app.UseRouting();
            app.UseBodyLimits();
            app.UseAuthentication();
            app.UseAuthorization();
            app.UseRateLimiter();
            app.UseAntiforgery();
            app.MapDraftEndpoints();
            app.MapPeopleEndpoints();
            app.MapPostGuardApiDocument();
            app.MapDraftImageEndpoints();
            app.MapRazorPages();
        }
        app.Logger.LogInformation("PostGuard serving as role {Role}", role.ToString().ToLowerInvariant());
        return app;
    }

    /// <summary>
    /// Health as anybody may see it: the overall status and each check's status, nothing more (no paths,
    /// no error text: those help an attacker). What a failing check said goes to the log.
    /// </summary>
    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        if (report.Status != HealthStatus.Healthy)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PostGuard.Health");
            foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy))
            {
                logger.LogWarning(entry.Exception, "Health check {Check} is {Status}: {Description}", name, entry.Status, entry.Description);
            }
        }
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }, Json.Options));
    }
}
