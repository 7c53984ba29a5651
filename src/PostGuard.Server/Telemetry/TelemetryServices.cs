using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PostGuard.Core.Telemetry;
using PostGuard.Server.Hosting;

namespace PostGuard.Server.Telemetry;

/// <summary>
/// OpenTelemetry for the service, when <see cref="TelemetryOptions.OtlpEndpoint"/> is set: one trace
/// follows a draft from the HTTP request (ASP.NET Core) through the AnalyzeDraft send and its consumer
/// (MassTransit carries the trace context in the message headers) to the product's spans (analysis, each
/// check, the decision) and the SQL they run (Npgsql); webhooks appear as HttpClient spans. Metrics: the
/// product's (drafts analysed, decisions by kind, analysis time, queue wait), ASP.NET Core's, HttpClient's,
/// MassTransit's, Npgsql's and the runtime's.
/// </summary>
public static class TelemetryServices
{
    private const string MassTransitSource = "MassTransit";

    public static IServiceCollection AddPostGuardTelemetry(this IServiceCollection services, IConfiguration configuration, ServerRole role)
    {
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.EndpointUri is not { } endpoint)
        {
            return services; // off (or an invalid address, which the validation on start reports)
        }
        var roleName = role.ToString().ToLowerInvariant();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(options.ServiceName ?? $"postguard-{roleName}", serviceVersion: typeof(TelemetryServices).Assembly.GetName().Version?.ToString())
                .AddAttributes([new("postguard.role", roleName)]))
            .WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                .AddSource(PostGuardTelemetry.Name, MassTransitSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddOtlpExporter(exporter => Configure(exporter, options, endpoint, "v1/traces")))
            .WithMetrics(metrics => metrics
                .AddMeter(PostGuardTelemetry.Name, MassTransitSource)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddOtlpExporter((exporter, reader) =>
                {
                    Configure(exporter, options, endpoint, "v1/metrics");
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.MetricExportIntervalSeconds * 1000;
                }));
        return services;
    }

    /// <summary>Over HTTP each signal has its own path below the collector's address; gRPC takes the address as it is.</summary>
    private static void Configure(OtlpExporterOptions exporter, TelemetryOptions options, Uri endpoint, string httpPath)
    {
        exporter.Protocol = options.OtlpProtocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        exporter.Endpoint = options.OtlpProtocol == OtlpProtocol.Grpc ? endpoint : new Uri(new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/"), httpPath);
        if (!string.IsNullOrWhiteSpace(options.OtlpHeaders))
        {
            exporter.Headers = options.OtlpHeaders;
        }
    }
}
