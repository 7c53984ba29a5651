using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks;

/// <summary>
/// Runs the whole analysis of a draft: inspects each image (unless it carries its report already, as when
/// the checks run again with a newer consent register), then every check, and decides.
/// Fail closed: an image that cannot be inspected, a check that throws or one that overruns
/// its time becomes a Hold "analysis incomplete"; nothing is approved on missing evidence.
/// </summary>
public sealed class DraftAnalyzer(
    IEnumerable<IDraftCheck> checks,
    IImageInspector imageInspector,
    IOptions<CheckOptions> options,
    TimeProvider time,
    ILogger<DraftAnalyzer> logger)
{
    private readonly IReadOnlyList<IDraftCheck> _checks = [.. checks];
    private TimeSpan Timeout => TimeSpan.FromSeconds(options.Value.TimeoutSeconds);

    public async Task<DraftAnalysis> AnalyzeAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var inspected = await InspectImagesAsync(draft, cancellationToken);
        var findings = new List<Finding>();
        foreach (var check in _checks)
        {
            findings.AddRange(await RunCheckAsync(check, inspected, cancellationToken));
        }
        var reports = inspected.Images.Select(i => i.Report!).ToList();
        return new DraftAnalysis(DecisionEngine.Decide(findings), findings, reports);
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
            ImageReport report;
            try
            {
                report = await Task.Run(() => imageInspector.Inspect(image.Index, image.FileName, image.Content, identifiability, timeZone, cancellationToken), cancellationToken)
                    .WaitAsync(Timeout, time, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Inspecting image {Index} ({FileName}) failed", image.Index, image.FileName);
                report = new ImageReport { Index = image.Index, FileName = image.FileName, Error = ex is TimeoutException ? "timed out" : ex.Message };
            }
            images.Add(image with { Report = report });
        }
        return draft with { Images = images };
    }

    private async Task<IReadOnlyList<Finding>> RunCheckAsync(IDraftCheck check, DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(Timeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var started = time.GetTimestamp();
        try
        {
            // WaitAsync also bounds a check that ignores its token.
            var findings = await check.RunAsync(draft, timeout.Token).AsTask().WaitAsync(Timeout, time, cancellationToken);
            logger.LogDebug("Check {Check} produced {Count} finding(s) in {Elapsed} ms", check.Name, findings.Count, time.GetElapsedTime(started).TotalMilliseconds);
            return findings;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var why = ex is TimeoutException or OperationCanceledException ? $"timed out after {Timeout.TotalSeconds:0} s" : "it failed with an error";
            logger.LogError(ex, "Check {Check} did not complete: {Why}", check.Name, why);
            return [Finding.AnalysisIncomplete(check.Name, why)];
        }
    }
}
