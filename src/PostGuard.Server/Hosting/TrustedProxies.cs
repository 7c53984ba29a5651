using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PostGuard.Server.Hosting;

/// <summary>
/// Running behind a TLS-terminating reverse proxy (nginx, a load balancer): which proxies' X-Forwarded-For
/// and X-Forwarded-Proto are believed. Off by default: without a proxy in front, those headers are whatever
/// the client made up (a fresh address for every sign-in attempt, say).
/// </summary>
public sealed class TrustedProxyOptions : IValidatableObject
{
    public const string SectionName = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies, comma-separated (e.g. "10.0.0.5, 10.0.0.6").</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Networks the proxies are in, comma-separated CIDR (e.g. "10.0.0.0/24").</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>How many proxies in a row are read from the headers (the nearest first).</summary>
    [Range(1, 10)]
    public int ForwardLimit { get; set; } = 1;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var problems = new List<ValidationResult>();
        try
        {
            _ = Proxies();
            _ = Networks();
        }
        catch (FormatException e)
        {
            problems.Add(new ValidationResult(e.Message));
        }
        if (Enabled && string.IsNullOrWhiteSpace(KnownProxies) && string.IsNullOrWhiteSpace(KnownNetworks))
        {
            problems.Add(new ValidationResult($"{SectionName}:Enabled needs {SectionName}:KnownProxies or {SectionName}:KnownNetworks: the proxies whose headers are believed"));
        }
        return problems;
    }

    public IReadOnlyList<IPAddress> Proxies() =>
        [.. (KnownProxies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(entry =>
            IPAddress.TryParse(entry, out var address) ? address
            : throw new FormatException($"{SectionName}:{nameof(KnownProxies)}: '{entry}' is not an address (a network goes in {nameof(KnownNetworks)})"))];

    public IReadOnlyList<System.Net.IPNetwork> Networks() => NetworkList.Parse(KnownNetworks, $"{SectionName}:{nameof(KnownNetworks)}");
}

/// <summary>The forwarded-headers middleware, first in the pipeline, when configured (see <see cref="TrustedProxyOptions"/>).</summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services) =>
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart().Services;

    /// <summary>
    /// Believes X-Forwarded-For and X-Forwarded-Proto from the configured proxies only: the client's
    /// address then is the one the rate limits count, and its scheme the one the cookies' Secure flag follows.
    /// </summary>
    public static void UseTrustedProxies(this WebApplication app, TrustedProxyOptions options)
    {
        if (!options.Enabled)
        {
            return;
        }
        var forwarded = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = options.ForwardLimit,
        };
        forwarded.KnownProxies.Clear(); // no loopback by default: only what is configured
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in options.Proxies())
        {
            forwarded.KnownProxies.Add(proxy);
        }
        foreach (var network in options.Networks())
        {
            forwarded.KnownIPNetworks.Add(network);
        }
        app.UseForwardedHeaders(forwarded);
    }
}
