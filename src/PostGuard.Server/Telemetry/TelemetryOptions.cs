using System.ComponentModel.DataAnnotations;

namespace PostGuard.Server.Telemetry;

/// <summary>How OTLP carries the telemetry to the collector.</summary>
public enum OtlpProtocol
{
    /// <summary>OTLP/HTTP with protobuf bodies to ENDPOINT/v1/traces and ENDPOINT/v1/metrics (a collector's port 4318).</summary>
    HttpProtobuf,
    /// <summary>OTLP/gRPC to ENDPOINT (a collector's port 4317).</summary>
    Grpc,
}

/// <summary>
/// Traces and metrics exported over OTLP. Off unless <see cref="OtlpEndpoint"/> is set: then no
/// OpenTelemetry SDK is started, nothing listens to the product's spans and none is recorded.
/// </summary>
public sealed class TelemetryOptions : IValidatableObject
{
    public const string SectionName = "Telemetry";

    /// <summary>The collector's base address, e.g. http://collector:4318 (HTTP) or http://collector:4317 (gRPC); empty: telemetry off.</summary>
    public string? OtlpEndpoint { get; set; }

    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.HttpProtobuf;

    /// <summary>Headers sent with every export, "name=value,name2=value2" (e.g. a hosted collector's API key).</summary>
    public string? OtlpHeaders { get; set; }

    /// <summary>The service.name of this process's telemetry; default "postguard-" and the role (postguard-api, postguard-worker, postguard-all).</summary>
    [RegularExpression(@"^[A-Za-z0-9._-]{1,100}$")]
    public string? ServiceName { get; set; }

    /// <summary>Share of new traces recorded (a trace started elsewhere follows its parent's choice, so a draft's trace is whole or absent).</summary>
    [Range(0.0, 1.0)]
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>How often the metrics are exported.</summary>
    [Range(1, 3600)]
    public int MetricExportIntervalSeconds { get; set; } = 60;

    public bool Enabled => !string.IsNullOrWhiteSpace(OtlpEndpoint);

    /// <summary>The endpoint as an absolute http(s) address, or null when telemetry is off or the address is not one.</summary>
    public Uri? EndpointUri =>
        Enabled && Uri.TryCreate(OtlpEndpoint!.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && EndpointUri is null)
        {
            yield return new ValidationResult($"'{OtlpEndpoint}' is not an absolute http:// or https:// address (e.g. http://collector:4318)", [nameof(OtlpEndpoint)]);
        }
        if (!string.IsNullOrWhiteSpace(OtlpHeaders))
        {
            foreach (var header in OtlpHeaders.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = header.IndexOf('=', StringComparison.Ordinal);
                if (equals < 1 || equals == header.Length - 1)
                {
                    // The value is not echoed: it is usually a credential.
                    yield return new ValidationResult("each header is name=value, separated by commas", [nameof(OtlpHeaders)]);
                    yield break;
                }
            }
        }
    }
}
