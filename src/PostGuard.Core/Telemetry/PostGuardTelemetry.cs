using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PostGuard.Core.Telemetry;

/// <summary>
/// The product's own traces and metrics, both named "PostGuard". A worker's trace of one draft reads:
/// "analyse draft" (the whole job) → "run checks" → "inspect image" per photo and "check NAME" per check
/// → "decide draft". Nothing is recorded unless a listener subscribes (the OpenTelemetry SDK does only
/// when an exporter is configured): <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// then returns null without allocating, and an instrument with no listener returns at once.
/// </summary>
public static class PostGuardTelemetry
{
    /// <summary>Name of the ActivitySource and of the Meter.</summary>
    public const string Name = "PostGuard";

    public static readonly ActivitySource Traces = new(Name);

    public static readonly Meter Metrics = new(Name);

    /// <summary>Span: a worker's whole job for one revision (load it, inspect, check, decide).</summary>
    public const string AnalyseDraftSpan = "analyse draft";

    /// <summary>Span: the photos inspected and every check run over a draft (again inside "decide draft" when consent moved meanwhile).</summary>
    public const string RunChecksSpan = "run checks";

    /// <summary>Span: one photo decoded, its metadata read and its faces found.</summary>
    public const string InspectImageSpan = "inspect image";

    /// <summary>Span: the decision stored with the consent version it read, and the review item.</summary>
    public const string DecideDraftSpan = "decide draft";

    /// <summary>Span name of one check: "check " and the check's name ("check faces").</summary>
    public static string CheckSpan(string checkName) => "check " + checkName;

    public const string DraftIdTag = "postguard.draft.id";
    public const string RevisionTag = "postguard.draft.revision";
    public const string SchoolTag = "postguard.school.id";
    public const string CheckTag = "postguard.check";
    public const string FindingsTag = "postguard.findings";
    public const string DecisionTag = "postguard.decision";
    public const string OutcomeTag = "postguard.analysis.outcome";
    public const string ImageIndexTag = "postguard.image.index";
    public const string FacesTag = "postguard.image.faces";
    public const string QueueTag = "postguard.queue";

    private static readonly InstrumentAdvice<double> SecondsBuckets = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
    };

    /// <summary>Revisions a worker analysed to the end (inspection and every check), whatever the decision.</summary>
    public static readonly Counter<long> DraftsAnalysed = Metrics.CreateCounter<long>(
        "postguard.drafts.analysed", "{draft}", "Draft revisions analysed to the end by a worker");

    /// <summary>Decisions stored, by <see cref="DecisionTag"/> (Approve, Hold, Block).</summary>
    public static readonly Counter<long> Decisions = Metrics.CreateCounter<long>(
        "postguard.decisions", "{decision}", "Decisions stored, by kind (postguard.decision: Approve, Hold, Block)");

    /// <summary>From a worker taking a revision to its decision stored.</summary>
    public static readonly Histogram<double> AnalysisDuration = Metrics.CreateHistogram(
        "postguard.analysis.duration", "s", "Time from a worker taking a draft revision to its decision stored", tags: null, advice: SecondsBuckets);

    /// <summary>From AnalyzeDraft being sent to a consumer starting on it, by <see cref="QueueTag"/>.</summary>
    public static readonly Histogram<double> QueueWait = Metrics.CreateHistogram(
        "postguard.queue.wait", "s", "Time an AnalyzeDraft command waited between being sent and a consumer starting on it", tags: null, advice: SecondsBuckets);
}
