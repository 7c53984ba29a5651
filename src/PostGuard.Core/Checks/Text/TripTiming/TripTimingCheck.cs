using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>
/// R8: off-site visit information only after the event. <see cref="TripModel"/> judges whether the
/// text places children away from school now (a live update) or later (a trip ahead), and when the
/// trip ends: that is a Hold whose earliest publish time is the trip's end (the stated return, else
/// the last day at 18:00) and names the words that set it, or "after the group is back" when
/// nothing says. Past narration, closures and events on the school site pass. A photo taken on the publish day that
/// carries GPS is the same Hold: the school's own location is not in the policy yet, so any GPS with
/// a same-day capture time is read as off site.
/// </summary>
public sealed class TripTimingCheck(LocationFinder locations, PersonNameFinder names) : IDraftCheck
{
    public const string Rule = "R8";

    private static readonly ConcurrentDictionary<string, TimeZoneInfo> TimeZones = new(StringComparer.Ordinal);

    public string Name => "text-trip-timing";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        if (!policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var zone = TimeZones.GetOrAdd(policy.TimeZone, TimeZoneInfo.FindSystemTimeZoneById);
        var publish = draft.EffectivePublishAt;
        var publishLocal = TimeZoneInfo.ConvertTime(publish, zone).DateTime;
        var severity = policy.SeverityFor(Rule, Severity.Hold);
        var document = TextDocument.For(draft.Text);
        var findings = new TextFindingList(document.Text);

        var nameTokens = LocationsCheck.NameTokens(document, names.Find(document, draft.People));
        var places = locations.Find(document, policy, nameTokens);
        var cues = OffSiteCues.Find(document, places);
        var times = TemporalExpressionParser.Parse(document, publishLocal);

        var judgement = TripModel.Judge(document, cues, times, publishLocal);
        if (judgement is not null && judgement.Cue is { } cue)
        {
            var primary = judgement.Spans[0];
            var spans = new JsonArray([.. judgement.Spans.Select(t => (JsonNode)Finding.TextSpan(document.Text, t.Start, t.Length)["span"]!.DeepClone())]);
            var evidence = new JsonObject
            {
                ["cue"] = Finding.TextSpan(document.Text, cue.Start, cue.Length)["span"]!.DeepClone(),
                ["spans"] = spans,
                ["state"] = judgement.Live ? "under way" : "ahead",
            };
            string fix;
            string until;
            if (judgement.Ends is { } local)
            {
                evidence["earliestPublishAt"] = ToOffset(local, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
                evidence["endCue"] = Finding.TextSpan(document.Text, judgement.EndCue.Start, judgement.EndCue.Length)["span"]!.DeepClone();
                var endText = document.Text.Substring(judgement.EndCue.Start, judgement.EndCue.Length);
                fix = $"Publish after {Describe(local)}.";
                until = $"it ends {Describe(local)} (from \"{endText}\")";
            }
            else
            {
                fix = "Publish after the group is back: nothing in the post says when that is.";
                until = "nothing in it says when the group is back";
            }
            var what = judgement.Live ? "children are away now" : "children will be away";
            findings.Add(Rule, severity, primary.Start, primary.Length,
                $"The post says {what} (\"{cue.Text}\", \"{document.Text.Substring(primary.Start, primary.Length)}\"); {until}. Trip information goes out only after the event.",
                fix, evidence);
        }
        var result = findings.ToList().ToList();
        result.AddRange(PhotoFindings(draft, zone, publishLocal, severity));
        return ValueTask.FromResult<IReadOnlyList<Finding>>(result);
    }

    /// <summary>Photos taken on the publish day with GPS: children may still be where the photo was taken.</summary>
    private static IEnumerable<Finding> PhotoFindings(DraftUnderCheck draft, TimeZoneInfo zone, DateTime publishLocal, Severity severity)
    {
        var endOfDay = DateOnly.FromDateTime(publishLocal).ToDateTime(TemporalExpressionParser.EndOfSchoolDay);
        if (publishLocal >= endOfDay)
        {
            yield break;
        }
        foreach (var image in draft.Images)
        {
            var report = image.Report;
            if (report?.CapturedAt is not { } captured || report.GpsLatitude is null || report.GpsLongitude is null)
            {
                continue;
            }
            var capturedLocal = TimeZoneInfo.ConvertTime(captured, zone).DateTime;
            if (DateOnly.FromDateTime(capturedLocal) != DateOnly.FromDateTime(publishLocal))
            {
                continue;
            }
            var at = ToOffset(endOfDay, zone);
            yield return new Finding(Rule, severity,
                $"{image.Label} ({image.FileName}) was taken today ({capturedLocal:HH:mm}) and carries GPS coordinates; the school's own location is not configured, so it is treated as taken off site and the children may still be there.",
                new JsonObject
                {
                    ["image"] = image.Index,
                    ["file"] = image.FileName,
                    ["capturedAt"] = captured.ToString("O", CultureInfo.InvariantCulture),
                    ["gps"] = true,
                    ["earliestPublishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                },
                $"Publish after {Describe(endOfDay)}.");
        }
    }

    private static DateTimeOffset ToOffset(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static string Describe(DateTime local) =>
        local.ToString("HH:mm 'on' dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"));
}
