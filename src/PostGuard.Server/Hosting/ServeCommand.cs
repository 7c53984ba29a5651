using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Api;
using PostGuard.Server.Cli;

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
        });
        var role = ServerRoles.Parse(cli.Optional("--role") ?? builder.Configuration["Role"]);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);

        builder.Services.AddPostGuardAnalysis(builder.Configuration);
        builder.Services.AddPostGuardStorage();
        builder.Services.AddPostGuardMessaging(builder.Configuration, role);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemMapping>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<BlobStoreHealthCheck>("blobs", tags: ["ready"]);
        if (role.RunsWorkers())
        {
            builder.Services.AddHealthChecks().AddCheck<FaceModelHealthCheck>("face-model", tags: ["ready"]);
        }
        builder.Services.AddAuthentication(BearerTokenAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenAuthentication>(BearerTokenAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(options =>
        {
            foreach (var staffRole in Roles.All)
            {
                options.AddPolicy(staffRole, policy => policy.RequireAuthenticatedUser().RequireRole(staffRole));
            }
            // Uploaders read names and ids to tag; approvers and auditors read the register; consent admins write it.
            options.AddPolicy(PeopleEndpoints.ReadPeople, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.All.ToArray()));
        });
        var limits = builder.Configuration.GetSection(SubmissionLimits.SectionName).Get<SubmissionLimits>() ?? new SubmissionLimits();
        var maxBody = (limits.MaxImages * limits.MaxImageBytes) + (4L * limits.MaxTextLength) + (1 << 20);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = maxBody);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = maxBody);

        var app = builder.Build();
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            app.Services.GetRequiredService<Migrator>().MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealthAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealthAsync });
        if (role.ServesHttp())
        {
            app.UseAuthentication();
            app.UseAuthorization();
            app.MapDraftEndpoints();
            app.MapPeopleEndpoints();
        }
        app.Logger.LogInformation("PostGuard serving as role {Role}", role.ToString().ToLowerInvariant());
        return app;
    }

    private static Task WriteHealthAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }, Json.Options));
    }
}
