using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;
using PostGuard.Core.Telemetry;

namespace PostGuard.Core.Checks;

/// <summary>
/// Runs the whole analysis of a draft: inspects each image (unless it carries its report already, as when
/// the checks run again with a newer consent register), then every check, and decides.
/// Fail closed: an image that cannot be inspected, a check that throws or one that overruns
/// its time becomes a Hold "analysis incomplete"; nothing is approved on missing evidence.
/// Traced as "run checks" with a child span per image and per check (<see cref="PostGuardTelemetry"/>).
/// </summary>
public sealed class DraftAnalyzer(
    IEnumerable<IDraftCheck> checks,
    IImageInspector imageInspector,
    IOptions<CheckOptions> options,
    TimeProvider time,
    ILogger<DraftAnalyzer> logger)
{
    // Each check with its span name, built once: a name made per call would allocate even when nobody listens.
    private readonly (IDraftCheck Check, string Span)[] _checks = [.. checks.Select(c => (c, PostGuardTelemetry.CheckSpan(c.Name)))];
    private TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public async Task<DraftAnalysis> AnalyzeAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        using var activity = PostGuardTelemetry.Traces.StartActivity(PostGuardTelemetry.RunChecksSpan);
        var inspected = await InspectImagesAsync(draft, cancellationToken);
        var findings = new List<Finding>();
        foreach (var (check, span) in _checks)
        {
            findings.AddRange(await RunCheckAsync(check, span, inspected, cancellationToken));
        }
        var reports = inspected.Images.Select(i => i.Report!).ToList();
        var decision = DecisionEngine.Decide(findings);
        activity?.SetTag(PostGuardTelemetry.FindingsTag, findings.Count).SetTag(PostGuardTelemetry.DecisionTag, decision.ToString());
        return new DraftAnalysis(decision, findings, reports);
    }

    private async Task<DraftUnderCheck> InspectImagesAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var images = new List<ImageUnderCheck>(draft.Images.Count);
        var identifiability = IdentifiabilityRule.For(draft.Policy, draft.Channels);
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(draft.Policy.TimeZone);
        foreach (var image in draft.Images)
        {
            if (image.Report is not null)
            {
                images.Add(image); // inspected already: the checks run again on what it found
                continue;
            }
            using var activity = PostGuardTelemetry.Traces.StartActivity(PostGuardTelemetry.InspectImageSpan);
            activity?.SetTag(PostGuardTelemetry.ImageIndexTag, image.Index);
            ImageReport report;
            try
            {
                var limit = Vision.Video.ClipSniffer.LooksLikeClip(image.Content.Span) ? TimeSpan.FromSeconds(options.Value.ClipTimeoutSeconds) : Timeout;
                report = await Task.Run(() => imageInspector.Inspect(image.Index, image.FileName, image.Content, identifiability, timeZone, cancellationToken), cancellationToken)
                    .WaitAsync(limit, time, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Inspecting image {Index} ({FileName}) failed", image.Index, image.FileName);
                report = new ImageReport { Index = image.Index, FileName = image.FileName, Error = ex is TimeoutException ? "timed out" : ex.Message };
            }
            if (activity is not null)
            {
                activity.SetTag(PostGuardTelemetry.FacesTag, report.Faces.Count);
                if (report.Error is not null)
                {
                    activity.SetStatus(ActivityStatusCode.Error, "the image could not be inspected");
                }
            }
            images.Add(image with { Report = report });
        }
        return draft with { Images = images };
    }

    private async Task<IReadOnlyList<Finding>> RunCheckAsync(IDraftCheck check, string spanName, DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        using var activity = PostGuardTelemetry.Traces.StartActivity(spanName);
        activity?.SetTag(PostGuardTelemetry.CheckTag, check.Name);
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = time.GetTimestamp();
        try
        {
            // WaitAsync also bounds a check that ignores its token.
            var findings = await check.RunAsync(draft, timeout.Token).AsTask().WaitAsync(Timeout, time, cancellationToken);
            logger.LogDebug("Check {Check} produced {Count} finding(s) in {Elapsed} ms", check.Name, findings.Count, time.GetElapsedTime(started).TotalMilliseconds);
            activity?.SetTag(PostGuardTelemetry.FindingsTag, findings.Count);
            return findings;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var why = ex is TimeoutException or OperationCanceledException ? $"timed out after {Timeout.TotalSeconds:0} s" : "it failed with an error";
            logger.LogError(ex, "Check {Check} did not complete: {Why}", check.Name, why);
            activity?.SetStatus(ActivityStatusCode.Error, why);
            return [Finding.AnalysisIncomplete(check.Name, why)];
        }
    }
}
