using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Hosting;

/// <summary>What a route's request body is, and so how large it may be (see <see cref="BodyLimitOptions"/>).</summary>
public enum BodyKind
{
    /// <summary>A JSON object or a small form: every route that says nothing else.</summary>
    Json,

    /// <summary>A people and consent CSV.</summary>
    Csv,

    /// <summary>A draft: its JSON part and up to a number of photos (and clips) of the configured sizes.</summary>
    Draft,
}

/// <summary>Endpoint metadata: the kind of body this route accepts; for a draft, how many photos it can carry (null: Submissions:MaxImages).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AcceptsBodyAttribute(BodyKind kind, int? photos = null) : Attribute
{
    public BodyKind Kind { get; } = kind;

    public int? Photos { get; } = photos;
}

public sealed class BodyLimitOptions
{
    public const string SectionName = "BodyLimits";

    /// <summary>JSON bodies and forms (approve, reject, people, consent, settings, sign-in).</summary>
    [Range(1024, 16L << 20)]
    public long JsonBytes { get; set; } = 64 * 1024;

    /// <summary>A CSV import (20,000 rows of an ordinary export fit in about 3 MB).</summary>
    [Range(1024, 256L << 20)]
    public long CsvBytes { get; set; } = 8L << 20;

    /// <summary>The "draft" JSON part of a submission (text, channels, tags).</summary>
    [Range(1024, 16L << 20)]
    public long DraftJsonBytes { get; set; } = 1L << 20;

    /// <summary>Multipart boundaries and part headers beside the content.</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    /// <summary>The whole body a route of this kind may send.</summary>
    public long For(AcceptsBodyAttribute? accepts, SubmissionLimits submissions) => accepts?.Kind switch
    {
        BodyKind.Csv => CsvBytes + MultipartOverheadBytes,
        BodyKind.Draft => DraftFileBytes(accepts.Photos ?? submissions.MaxImages, submissions) + DraftJsonBytes + MultipartOverheadBytes,
        _ => JsonBytes,
    };

    /// <summary>Up to <paramref name="files"/> photos, of which up to Submissions:MaxClips may be video clips of their own, larger size.</summary>
    private static long DraftFileBytes(int files, SubmissionLimits submissions)
    {
        var clips = Math.Min(files, submissions.MaxClips);
        return (clips * Math.Max(submissions.MaxClipBytes, submissions.MaxImageBytes)) + ((files - clips) * submissions.MaxImageBytes);
    }
}

/// <summary>
/// Per-route request body limits: after routing, the endpoint's <see cref="AcceptsBodyAttribute"/> (or
/// none: JSON) sets the most Kestrel reads for this request; a body announcing or sending more is refused
/// with 413 as it arrives. The server-wide limit is the smallest, so a route that forgot to say stays small.
/// </summary>
public static class BodyLimits
{
    public static IServiceCollection AddBodyLimits(this IServiceCollection services, IConfiguration configuration, IWebHostBuilder webHost)
    {
        services.AddOptions<BodyLimitOptions>().BindConfiguration(BodyLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var limits = configuration.GetSection(BodyLimitOptions.SectionName).Get<BodyLimitOptions>() ?? new BodyLimitOptions();
        var submissions = configuration.GetSection(SubmissionLimits.SectionName).Get<SubmissionLimits>() ?? new SubmissionLimits();
        webHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = limits.JsonBytes);
        // The pages' forms are read by the form reader: let it go as far as the largest route allows (Kestrel stops each route at its own).
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(limits.For(new AcceptsBodyAttribute(BodyKind.Draft), submissions), limits.CsvBytes));
        return services;
    }

    public static void UseBodyLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is { } endpoint && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                var limits = context.RequestServices.GetRequiredService<IOptions<BodyLimitOptions>>().Value;
                var submissions = context.RequestServices.GetRequiredService<IOptions<SubmissionLimits>>().Value;
                feature.MaxRequestBodySize = limits.For(endpoint.Metadata.GetMetadata<AcceptsBodyAttribute>(), submissions);
            }
            await next(context);
        });
}
