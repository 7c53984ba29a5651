using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>
/// R8: off-site visit information only after the event. Text that places children away from school
/// now or later (a trip cue or a location near a time that is ongoing or in the future at publish
/// time) is a Hold with a suggested earliest publish time: the stated end ("back at 3:30"), else the
/// end of that day (18:00) or of the range. Past events pass. A photo taken on the publish day that
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

        DateTime? earliest = null;
        var triggering = new List<TemporalMention>();
        OffSiteCue? firstCue = null;
        foreach (var mention in times.Where(t => t.Kind != TemporalKind.Past))
        {
            var cue = cues.FirstOrDefault(c => Math.Abs(c.Sentence - mention.Sentence) <= 1 && !IsPastOnly(times, c.Sentence, mention));
            if (cue is null)
            {
                continue;
            }
            var end = EventEnd(mention, times, publishLocal);
            if (end <= publishLocal)
            {
                continue;
            }
            triggering.Add(mention);
            firstCue ??= cue;
            earliest = earliest is null || end > earliest ? end : earliest;
        }
        if (earliest is { } local && triggering.Count > 0 && firstCue is not null)
        {
            var at = ToOffset(local, zone);
            var when = Describe(local);
            var primary = triggering[0];
            var spans = new JsonArray([.. triggering.Select(t => (JsonNode)Finding.TextSpan(document.Text, t.Start, t.Length)["span"]!.DeepClone())]);
            findings.Add(Rule, severity, primary.Start, primary.Length,
                $"The post places children off site (\"{firstCue.Text}\") at a time that is not over when it is published (\"{document.Text.Substring(primary.Start, primary.Length)}\"); trip information goes out only after the event.",
                $"Publish after {when}.",
                new JsonObject
                {
                    ["earliestPublishAt"] = at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                    ["cue"] = Finding.TextSpan(document.Text, firstCue.Start, firstCue.Length)["span"]!.DeepClone(),
                    ["spans"] = spans,
                });
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
                $"Image {image.Index + 1} ({image.FileName}) was taken today ({capturedLocal:HH:mm}) and carries GPS coordinates; the school's own location is not configured, so it is treated as taken off site and the children may still be there.",
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

    /// <summary>A cue in a sentence that only talks about the past ("last week's trip") does not make a later time a trip.</summary>
    private static bool IsPastOnly(IReadOnlyList<TemporalMention> times, int sentence, TemporalMention mention) =>
        sentence != mention.Sentence && times.Any(t => t.Sentence == sentence && t.Kind == TemporalKind.Past) && !times.Any(t => t.Sentence == sentence && t.Kind != TemporalKind.Past);

    private static DateTime EventEnd(TemporalMention mention, IReadOnlyList<TemporalMention> times, DateTime publishLocal)
    {
        var today = DateOnly.FromDateTime(publishLocal);
        var day = mention.LastDay ?? today;
        // A stated end ("back at 3:30") in the same or next sentence sets the end of that day.
        var endsAt = mention.EndsAt
            ?? times.Where(t => t.LastDay is null && t.EndsAt is not null && Math.Abs(t.Sentence - mention.Sentence) <= 1).Select(t => t.EndsAt).FirstOrDefault()
            ?? TemporalExpressionParser.EndOfSchoolDay;
        var end = day.ToDateTime(endsAt);
        if (mention.Kind == TemporalKind.Now && end <= publishLocal)
        {
            // Happening now: at least until the end of the school day.
            end = today.ToDateTime(TemporalExpressionParser.EndOfSchoolDay);
            if (end <= publishLocal)
            {
                end = publishLocal.AddHours(1);
            }
        }
        return end;
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
