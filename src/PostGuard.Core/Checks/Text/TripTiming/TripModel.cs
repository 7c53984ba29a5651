using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>
/// The trip model behind R8. A post is about a trip when it has an off-site cue (a trip word, a
/// venue or place, travel) outside sentences about the school site. It places children away when:
/// <list type="bullet">
/// <item>a day or time near a cue is not over at publish time, read with the sentence's tense (a
/// yearless date told in the past is in the past; a date line on its own is the post's own date);</item>
/// <item>or it is a live update: phrases written while away ("as I type this", "home tomorrow", "on our
/// way home", "more tomorrow"), or a trip diary told mostly in the present or present perfect —
/// unless a later sentence says the group is back ("returned to school").</item>
/// </list>
/// The trip ends at the stated return ("back about half four", "ETA 4pm") on its day, else at 18:00 on
/// the last day known; a same-day trip told in the past tense is over by the end of the school day
/// (15:30); a live residential with nothing said about the return ends "when the group is back" (null).
/// </summary>
public static class TripModel
{
    public static readonly TimeOnly EndOfSchoolDay = TemporalExpressionParser.EndOfSchoolDay;

    /// <summary>A same-day trip told in the past: the group is back by the end of lessons.</summary>
    public static readonly TimeOnly BackByEndOfLessons = new(15, 30);

    /// <summary>Words of stays away from home: a post that has them is about a residential.</summary>
    private static readonly WordSet StayWords = new("""
        residential residentials dorm dorms dormitory dormitories bunk bunks bunkbed bunkbeds hostel lodge chalet chalets
        tents lodges suitcase suitcases duvet duvets toothbrushes resi
        """);

    /// <summary>Phrases only a stay away uses: "away from home", "last full day of activities".</summary>
    private static readonly PhraseMatcher StayPhrases = new(
        "away from home", "night away", "nights away", "first night", "second night", "third night", "final night", "last night away",
        "last full day", "final full day", "full day of activities", "evening activity", "evening activities", "final activities",
        "last night here", "their last night", "our last night",
        // an exchange's or a tour's stay: "went to meet our host families"
        "host family", "host families",
        "final activity", "second day", "third day", "fourth day", "fifth day");

    private static readonly PhraseMatcher MultiDayPhrases = new(
        "day one", "day 1", "day two", "day three", "day four", "day five", "day 2", "day 3", "day 4", "day 5", "first night", "second night", "last night",
        "final night", "second day", "third day", "fourth day", "this week", "the week", "for the week", "all week", "our week", "days", "nights", "week away", "weekend away");

    /// <summary>Words of a stay's beginning or middle, which a recount written after the return seldom uses.</summary>
    private static readonly PhraseMatcher StartOfStay = new(
        "first night", "first day", "first full day", "first challenge", "first activity", "first activities", "first evening", "day one",
        "day 1", "so far", "second day", "second night", "last night here");

    private sealed record Candidate(DateTime? End, TextRange EndCue, TextRange Span, int Sentence, bool Live);

    public static TripJudgement? Judge(TextDocument document, IReadOnlyList<OffSiteCue> cues, IReadOnlyList<TemporalMention> times, DateTime publishLocal)
    {
        if (cues.Count == 0)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(publishLocal);
        // "Published 11 May 2023", "By Nathan Bingaman Oct 22, 2018": the page's own date, no day of the trip.
        times = [.. times.Where(t => !IsDateline(document, t, today))];
        var onSite = TripNarrative.OnSiteSentences(document);
        var cueSentences = cues.Select(c => c.Sentence).ToHashSet();
        bool NearCue(int sentence) => cueSentences.Contains(sentence) || cueSentences.Contains(sentence - 1) || cueSentences.Contains(sentence + 1);
        Tense TenseOf(int sentence) => NarrativeTense.Of(document, sentence);
        var narrative = IsTripNarrative(document, cues);
        var candidates = new List<Candidate>();

        // "returned to school", "thank you for collecting the children"; "students back in the classroom this week have already said...".
        var returns = TripNarrative.Returns(document)
            .Where(r => !IsWayBackToTheCentre(document, r))
            .Where(r => TenseOf(r.Sentence) == Tense.Past || (document.Tokens[r.First].Is("back") && NarrativeTense.IsPerfect(document, r.Sentence)) || IsThanksFor(document, r)
                || IsReturnFromTheTrip(document, r, cues)).ToList();
        var lastReturn = returns.Count > 0 ? returns[^1].Last : -1;
        // A. A day or time near a cue that is not over; in a post about a stay, any day ahead told in the future
        // ("Throughout the week everyone will have a turn at all eight activities").
        var stay = IsStay(document, cues);
        foreach (var mention in times)
        {
            if (mention.Kind is TemporalKind.Past or TemporalKind.Now || onSite.Contains(mention.Sentence)
                || !(NearCue(mention.Sentence) || (stay && TenseOf(mention.Sentence) == Tense.Future && !TripNarrative.IsCancelled(document))
                    || IsNoticeDate(document, mention, today, cues))
                || TripNarrative.IsAboutStaffOnly(document, mention.Sentence))
            {
                continue;
            }
            if (!cueSentences.Contains(mention.Sentence) && document.TokenAtOrAfter(mention.Start) is { } by && by.Is("by") && mention.EndsAt is null)
            {
                // "Please send all donations to school by Friday, 26th October": a deadline, not a day away.
                continue;
            }
            var tense = TenseOf(mention.Sentence);
            var day = mention.LastDay ?? today;
            var span = new TextRange(mention.Start, mention.Length);
            if (tense != Tense.Future && IsThisPeriod(document, mention) && (tense == Tense.Past || NarrativeTense.IsPerfect(document, mention.Sentence)))
            {
                // "set sail this week for...", "have had a busy week this week": done within the period, not ahead.
                continue;
            }
            var cuesBeside = cues.Where(c => Math.Abs(c.Sentence - mention.Sentence) <= 1).ToList();
            if (tense != Tense.Future && !cueSentences.Contains(mention.Sentence) && cuesBeside.Count > 0
                && cuesBeside.TrueForAll(c => TenseOf(c.Sentence) == Tense.Past || NarrativeTense.IsPerfect(document, c.Sentence)))
            {
                // "This week Maple have been looking at farm animals. We decided to go on a trip to ...": the trip is told in the past.
                continue;
            }
            if (day == today && returns.Exists(r => (r.First > (document.TokenAtOrAfter(mention.Start)?.Index ?? int.MaxValue) || r.Sentence == mention.Sentence)
                && (TenseOf(r.Sentence) == Tense.Past || IsThanksFor(document, r))))
            {
                // "Wave 1 arrived for their day of adventure today ... thank you for collecting the children promptly this evening":
                // the day, or the return's own time, told with the group back.
                continue;
            }
            if (tense == Tense.Past && day <= today && IsEvening(document, mention))
            {
                // "our team that tonight won the cup final": an evening told in the past is over as it is written.
                continue;
            }
            if (day == today && IsRelativeDay(document, mention) && !stay && !IsMultiDay(document) && HasBeenPerfect(document, mention.Sentence))
            {
                // "Today Year 4 have been out on a Roman adventure in Chester": been and back, like the simple past.
                tense = Tense.Past;
            }
            if (tense == Tense.Past && day <= today)
            {
                if (day == today && IsRelativeDay(document, mention))
                {
                    // "had a wonderful time at the castle today": back by the end of lessons.
                    candidates.Add(new Candidate(today.ToDateTime(BackByEndOfLessons), span, span, mention.Sentence, Live: false));
                }
                continue;
            }
            if (tense == Tense.None && day == today && mention.EndsAt is null && mention.LastDay is not null && !IsRelativeDay(document, mention))
            {
                // "23 November 2016" on a line of its own: the post's own date, not a trip's.
                continue;
            }
            var stated = mention.EndsAt is null ? StatedEnd(times, mention.Sentence, document) : null;
            var endsAt = mention.EndsAt ?? stated?.EndsAt ?? EndOfSchoolDay;
            var endCue = stated is null ? span : new TextRange(stated.Start, stated.Length);
            candidates.Add(new Candidate(day.ToDateTime(endsAt), endCue, span, mention.Sentence, Live: false));
        }

        // B. A live update: strong phrases anywhere in a post with a cue; diary phrases and a present-tense
        // diary only in a trip narrative that is not a recount; none after the group is back or if the trip is off.
        // "returned to school"; "students back in the classroom this week have already said...".
        // "thank you for collecting the children promptly this evening": a time in the thanks for the return is the return's.
        bool Usable(TripSignal signal) => signal.First > lastReturn && !onSite.Contains(signal.Sentence) && TenseOf(signal.Sentence) != Tense.Past
            && !returns.Exists(r => r.Sentence == signal.Sentence && IsThanksFor(document, r)) && !TripNarrative.IsClosureNews(document, signal);
        var live = new List<TextRange>();
        // A trip told in the past with a past date ("On Thursday 25th September ... began") and nothing tied to the
        // publish day or later, or judged as a whole in the past ("had a fantastic time in Cardiff"), is over: its
        // diary words ("Day 1", "this week", "looking forward to") are the recount's, not a live update's.
        var anchored = IsAnchored(document, times, today, onSite, stay);
        var toldAsOver = !anchored && (IsToldToItsLastDay(document) || IsPastDated(document, times, today, onSite, cueSentences, stay ? StayLength(document) : 0) || Verdicts.Matches(document).Any(m => TenseOf(document.Tokens[m.First].Sentence) == Tense.Past
            // "A great time was had by all and we look forward to...": the passive verdict is past in itself.
            || Enumerable.Range(m.First, m.Last - m.First + 1).Any(k => document.Tokens[k].Is("was"))));
        var recount = toldAsOver || TripNarrative.IsRecount(document)
            || !anchored && IsToldOnlyInPast(document) && !StartedWithinItsLength(times, today, onSite, stay ? StayLength(document) : 0);
        // A residential's diary is often told in the past on the day itself ("we arrived at Condover Hall
        // this afternoon ... our first day of adventures", "Dinner tonight was jacket potatoes"): past-tense diary
        // phrases count when the post speaks of the publish day itself, even beside words of a whole week.
        var residential = lastReturn < 0 && document.Tokens.Any(StayWords.Contains)
            && times.Any(t => t.LastDay == today && !onSite.Contains(t.Sentence) && document.TokenAtOrAfter(t.Start) is { } first && (first.Is("today") || first.Is("tonight")
                || (first.Is("this") && document.At(first.Index + 1) is { } part && !part.Is("week") && !part.Is("weekend"))));
        if (!TripNarrative.IsCancelled(document) && !TripNarrative.IsStayAtSchool(document))
        {
            // "tomorrow", "tonight": near a cue or in a trip narrative; "as I type this", "on our way home": anywhere.
            var residentialStay = document.Tokens.Any(StayWords.Contains) || HasLaterDayHeading(document);
            var strong = TripNarrative.StrongLive(document).Where(l => Usable(l) && (!IsRelativeTime(document, l) || NearCue(l.Sentence) || residentialStay)).ToList();
            live.AddRange(strong.Select(l => RangeOf(document, l)));
            live.AddRange(cues.Where(c => c.Now && (document.TokenAtOrAfter(c.Start)?.Index ?? -1) > lastReturn).Select(c => new TextRange(c.Start, c.Length)));
            if (residential)
            {
                // "Back on the coach ... it was smooth sailing to Bude", told on the stay's first day: still away.
                live.AddRange(TripNarrative.StrongLive(document).Where(l => l.First > lastReturn && !onSite.Contains(l.Sentence)).Select(l => RangeOf(document, l)));
            }
            // "They are currently in their new art choice", sentences after the centre was named in a trip's diary: the group now.
            foreach (var now in times.Where(t => t.Kind == TemporalKind.Now && !onSite.Contains(t.Sentence) && TenseOf(t.Sentence) != Tense.Past
                && (NearCue(t.Sentence) || narrative && !recount && IsGroupCurrently(document, t))))
            {
                // "currently holds the record" in a recount is about the record, not the trip; "are currently learning about
                // penguins" is a class's topic.
                if (document.TokenAtOrAfter(now.Start) is { } token && token.Index > lastReturn && !(recount && token.Is("currently") && !IsGroupCurrently(document, token.Index))
                    && !document.Tokens.Skip(token.Index).Take(3).Any(t => t.Is("currently") && t.Start < now.Start + now.Length && LessonVerbs.Contains(document.At(t.Index + 1))))
                {
                    live.Add(new TextRange(now.Start, now.Length));
                }
            }
            var diary = narrative && lastReturn < 0 && ((strong.Count > 0 && !toldAsOver) || !recount || residential);
            if (diary)
            {
                // "Day 1: Year 6 Arrive in Holland" heads the diary of the trip the post tells.
                live.AddRange(TripNarrative.WeakLive(document)
                    .Where(l => l.First > lastReturn && !onSite.Contains(l.Sentence) && (residential || TenseOf(l.Sentence) != Tense.Past)
                        && (residentialStay || NearCue(l.Sentence) || (l.Sentence <= 1 && OffSiteCues.IsDiaryDay(document, l.First)))
                        // "this week", "of the week" speak of the trip only in its own sentence: "proud to this week receive our award".
                        && (residentialStay || cueSentences.Contains(l.Sentence) || !(document.Tokens[l.First].Is("this") || document.Tokens[l.First].Is("of"))))
                    .Select(l => RangeOf(document, l)));
            }
        }
        if (live.Count == 0 && lastReturn < 0 && !TripNarrative.IsCancelled(document) && !TripNarrative.IsStayAtSchool(document) && (!recount || residential) && stay
            && (StartOfStay.Matches(document).Any() || residential || cues.Any(c => TenseOf(c.Sentence) == Tense.Future) || HasPlanAhead(document, times, onSite))
            && times.FirstOrDefault(t => t.Kind == TemporalKind.Dated && t.LastDay == today && !onSite.Contains(t.Sentence)) is { } ownDay)
        {
            // A stay away told on its own day, even in the past ("Monday 16th October: after a smooth coach journey we
            // arrived at ..."): nothing says the group is back, so it is still away tonight.
            live.Add(new TextRange(ownDay.Start, ownDay.Length));
        }
        // Under a later day's heading, "yesterday" is the stay's day before, not a sign that it is over.
        var laterDayHeading = HasLaterDayHeading(document);
        if (live.Count == 0 && lastReturn < 0 && !TripNarrative.IsCancelled(document) && !TripNarrative.IsStayAtSchool(document) && !recount && stay
            && !times.Any(t => t.LastDay is { } day && day < today && !(laterDayHeading && day == today.AddDays(-1)) && !onSite.Contains(t.Sentence))
            && StayOpening(document, times, today, onSite) is { } opening)
        {
            // Fail closed: a stay away told about its own day ("Today was the last full day of activities", "the day
            // started with...") with no earlier date and nothing that says the group is back may be under way.
            live.Add(opening);
        }
        if (live.Count > 0)
        {
            live.Sort((a, b) => a.Start.CompareTo(b.Start));
            var (end, endCue) = LiveEnd(document, times, today, publishLocal, onSite);
            candidates.Add(new Candidate(end, endCue ?? live[0], live[0], document.TokenAtOrAfter(live[0].Start)?.Sentence ?? 0, Live: true));
        }

        var open = candidates.Where(c => c.End is null || c.End > publishLocal).ToList();
        if (open.Count == 0)
        {
            return null;
        }
        var isLive = open.Exists(c => c.Live);
        var unknown = open.Exists(c => c.End is null) && !open.Exists(c => c.End is not null && c.Live);
        var latest = open.Where(c => c.End is not null).OrderByDescending(c => c.End).ThenBy(c => c.EndCue == c.Span).FirstOrDefault();
        var first2 = open.OrderBy(c => c.Span.Start).First();
        var cue = cues.FirstOrDefault(c => Math.Abs(c.Sentence - first2.Sentence) <= 1) ?? cues[0];
        var spans = open.Select(c => c.Span).Distinct().OrderBy(s => s.Start).ToList();
        return unknown || latest is null
            ? new TripJudgement(isLive, cue, spans, null, open.First(c => c.End is null).EndCue)
            : new TripJudgement(isLive, cue, spans, latest.End, latest.EndCue);
    }

    /// <summary>Words that mark a line as the page's date: "Published 11 May 2023", "News - 29th Apr 2025", "Posted on".</summary>
    private static readonly WordSet DatelineWords = new("published posted updated news dated date on");

    /// <summary>
    /// The publish day's date on a line of its own among the post's first lines, after dateline words or a byline ("By
    /// Nathan Bingaman Oct 22, 2018"), or alone with its year over a recount, and with nothing after it but a time stamp: the
    /// page's date, which places nobody.
    /// </summary>
    private static bool IsDateline(TextDocument document, TemporalMention mention, DateOnly today)
    {
        if (mention.Kind != TemporalKind.Dated || mention.LastDay != today || mention.Sentence > 2
            || NarrativeTense.Of(document, mention.Sentence) != Tense.None || document.TokenAtOrAfter(mention.Start) is not { } first)
        {
            return false;
        }
        var sentence = document.TokensOfSentence(mention.Sentence).ToList();
        var before = sentence.Where(t => t.Index < first.Index).ToList();
        var inside = sentence.Where(t => t.Start >= mention.Start && t.Start < mention.Start + mention.Length).ToList();
        var after = sentence.Where(t => t.Start >= mention.Start + mention.Length).ToList();
        // "March 03, 2021 at 3:51 PM": the page's time stamp, the clock time after "at" and nothing else.
        var stamp = after.Count > 0 && after[0].Is("at") && after.Skip(1).All(t => t.StartsWithDigit || t.Is("am") || t.Is("pm"));
        if (after.Count > 0 && !(stamp && mention.EndsAt is not null))
        {
            return false;
        }
        // "24 April 2023" alone on a line, with its year written, over a post told with no sentence in the present or the
        // future: the page's date over a recount (a diary's own heading gives its weekday or day number, and tells the day now).
        if (before.Count == 0)
        {
            return inside.Exists(t => t.IsNumber && t.Text.Length == 4) && !inside.Exists(OrdinaryWordNames.Weekdays.Contains)
                && !Enumerable.Range(0, document.Tokens[^1].Sentence + 1).Any(s => NarrativeTense.Of(document, s) is Tense.Present or Tense.Future);
        }
        return before.TrueForAll(DatelineWords.Contains)
            || (before[0].Is("by") && before.Count is >= 2 and <= 4 && before.Skip(1).All(t => t.IsCapitalised));
    }

    /// <summary>
    /// A notice's date field for a trip it tells in the future: "When: March 12, 2026 @ 9:00 am – 3:00 pm" over "students will
    /// participate in a whole-day fieldtrip to Half Moon Beach". A day ahead on a line with no verb of its own, in a post with a
    /// cue in a future sentence that names a trip, and that is not cancelled.
    /// </summary>
    private static bool IsNoticeDate(TextDocument document, TemporalMention mention, DateOnly today, IReadOnlyList<OffSiteCue> cues) =>
        mention.Kind == TemporalKind.Dated && mention.LastDay is { } day && day > today && NarrativeTense.Of(document, mention.Sentence) == Tense.None
        && cues.Any(c => NarrativeTense.Of(document, c.Sentence) == Tense.Future && document.TokensOfSentence(c.Sentence).Any(NoticeTripNouns.Contains))
        && !TripNarrative.IsCancelled(document);

    /// <summary>Nouns that make a notice's future sentence a trip: "will participate in a whole-day fieldtrip" (not "visit a bookshop").</summary>
    private static readonly WordSet NoticeTripNouns = new("trip trips fieldtrip field-trip excursion outing residential expedition camp tour");

    /// <summary>
    /// A post told only in the simple past, at least three sentences of it and none in the present or the future ("We reached
    /// the castle... The first challenge was..."), and not headed with a diary day: a recount, whose diary words ("first
    /// challenge", "the first day") are the story's.
    /// </summary>
    private static bool IsToldOnlyInPast(TextDocument document)
    {
        // A diary headed with its day ("Day 1", "Morfa Bay Day 3") is told in the past on that day: still away.
        if (document.Tokens.Count == 0 || HasDayHeading(document))
        {
            return false;
        }
        var past = 0;
        for (var sentence = 0; sentence <= document.Tokens[^1].Sentence; sentence++)
        {
            switch (NarrativeTense.Of(document, sentence))
            {
                case Tense.Past:
                    past++;
                    break;
                case Tense.Present or Tense.Future:
                    return false;
            }
        }
        return past >= 3;
    }

    /// <summary>A sentence about what the group will do, with no day of its own: "we will be having a campfire".</summary>
    private static bool HasPlanAhead(TextDocument document, IReadOnlyList<TemporalMention> times, IReadOnlySet<int> onSite)
    {
        var dated = times.Select(t => t.Sentence).ToHashSet();
        return document.Tokens.Any(t => (t.Is("we") || t.Is("they")) && NarrativeTense.Of(document, t.Sentence) == Tense.Future
            && !onSite.Contains(t.Sentence) && !dated.Contains(t.Sentence));
    }

    /// <summary>What a class does in lessons: "currently learning about", "currently studying".</summary>
    private static readonly WordSet LessonVerbs = new("learning studying reading practising practicing revising researching exploring investigating");

    /// <summary>A whole trip judged in the past: "had a fantastic time in Cardiff", "what a week".</summary>
    private static readonly PhraseMatcher Verdicts = new(
        "had a fantastic time", "had a wonderful time", "had a great time", "had an amazing time", "had a brilliant time", "had the best time",
        "had a fabulous time", "had a lovely time", "had a super time", "had an incredible time", "what a week", "enjoyed the trip",
        "enjoyed their trip", "enjoyed our trip",
        // the passive verdict: "a wonderful time was had by all"
        "time was had by all", "time was had by everyone", "day was had by all", "day was had by everyone");

    /// <summary>
    /// Something ties the post to its publish day or later: "today", "tonight", "this morning", "right now", a later day,
    /// told outside the school site (a date line on its own, the post's own date, does not).
    /// </summary>
    private static bool IsAnchored(TextDocument document, IReadOnlyList<TemporalMention> times, DateOnly today, IReadOnlySet<int> onSite, bool stay) =>
        times.Any(t => !onSite.Contains(t.Sentence)
            && (t.Kind == TemporalKind.Now
                || (t.Kind == TemporalKind.Dated && t.LastDay is { } day && day >= today
                    // A stay's diary headed with the publish day's date ("Wednesday 8th June") is that day's update.
                    && (stay || !(day == today && !IsRelativeDay(document, t) && NarrativeTense.Of(document, t.Sentence) == Tense.None))
                    && !(IsThisPeriod(document, t) && (NarrativeTense.Of(document, t.Sentence) == Tense.Past || NarrativeTense.IsPerfect(document, t.Sentence))))
                || (t.Kind == TemporalKind.Past && t.LastDay == today && !IsThisPeriod(document, t))));

    /// <summary>A day before the publish day told in the past beside a cue: "On Thursday 25th September, the annual trek ... began".</summary>
    private static bool IsPastDated(TextDocument document, IReadOnlyList<TemporalMention> times, DateOnly today, IReadOnlySet<int> onSite, HashSet<int> cueSentences, int stayNights) =>
        times.Any(t => t.LastDay is { } day && day < today && !onSite.Contains(t.Sentence) && IsToldInPast(document, t)
            // "arrived at the centre on Friday" in a post about a weekend away published on Saturday: the stay is not over.
            && day.AddDays(stayNights == Weekend ? (7 - (int)day.DayOfWeek) % 7 : stayNights) < today
            && (cueSentences.Contains(t.Sentence) || cueSentences.Contains(t.Sentence - 1) || cueSentences.Contains(t.Sentence + 1)));

    private const int Weekend = -1;

    private static readonly Dictionary<string, int> Counts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["1"] = 1, ["2"] = 2, ["3"] = 3, ["4"] = 4, ["5"] = 5, ["6"] = 6, ["7"] = 7,
    };

    private static readonly Dictionary<string, int> Ordinals = new(StringComparer.OrdinalIgnoreCase)
    {
        ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
    };

    /// <summary>
    /// How many nights a stay lasts, as the post says: "a four-night stay", "3 days", "week long" (four nights, Monday to Friday), a "Day 3" or "Third Day" heading (at least two),
    /// "weekend away" (<see cref="Weekend"/>: to Sunday); 0 when it says nothing.
    /// </summary>
    private static int StayLength(TextDocument document) => document.Memo((typeof(TripModel), "staylength"), d =>
    {
        var nights = 0;
        for (var i = 0; i < d.Tokens.Count; i++)
        {
            var token = d.Tokens[i];
            if ((token.Is("night") || token.Is("nights") || token.Is("day") || token.Is("days")) && d.At(i - 1) is { } count && Counts.TryGetValue(count.Stem, out var n))
            {
                nights = Math.Max(nights, token.Is("night") || token.Is("nights") ? n : n - 1);
            }
            else if ((token.SentenceStart || token.Sentence == 0) && token.Is("day") && d.At(i + 1) is { } number && number.Sentence == token.Sentence && Counts.TryGetValue(number.Stem, out var dayNumber))
            {
                // A diary's "Day 3" heading, or a title "Update for day 3 on the Isle of Wight": the stay has lasted at least two nights.
                nights = Math.Max(nights, dayNumber - 1);
            }
            else if (token.SentenceStart && Ordinals.TryGetValue(token.Stem, out var ordinal) && d.IsWordAt(i + 1, "day"))
            {
                nights = Math.Max(nights, ordinal - 1);
            }
            else if (token.Is("week") && (d.IsWordAt(i + 1, "long") || d.IsWordAt(i + 1, "away") || d.IsWordAt(i - 1, "residential")))
            {
                nights = Math.Max(nights, 4);
            }
            else if (token.Is("weekend") && (d.IsWordAt(i + 1, "away") || d.IsWordAt(i + 1, "residential")) && nights == 0)
            {
                return (object)Weekend;
            }
        }
        return (object)nights;
    }) is int length ? length : 0;

    /// <summary>
    /// A stay of a stated length told in the past up to its last day: "a challenging two-day expedition ... walked to Malham on
    /// the second day", "spent a weekend ... Day two took them to their finishing point". The whole trip is recounted, so it is over.
    /// </summary>
    private static bool IsToldToItsLastDay(TextDocument document)
    {
        var nights = StayLength(document);
        // The length must be stated ("two-day", "a weekend"), not only implied by a diary's "Day 2" heading.
        var stated = document.Tokens.Any(t => (t.Is("day") || t.Is("days") || t.Is("night") || t.Is("nights"))
            && document.At(t.Index - 1) is { } count && Counts.ContainsKey(count.Stem)) || document.Tokens.Any(t => t.Is("weekend"));
        if (ToldItsLastDay(document))
        {
            return true;
        }
        if (nights == 0 || !stated)
        {
            return false;
        }
        var lastDay = nights == Weekend ? 2 : nights + 1;
        foreach (var token in document.Tokens)
        {
            // A heading's "Day 2" numbers the diary, it recounts nothing.
            if (!token.Is("day") || token.Sentence == 0 || NarrativeTense.Of(document, token.Sentence) != Tense.Past)
            {
                continue;
            }
            var number = document.At(token.Index + 1) is { } after && after.Sentence == token.Sentence && Counts.TryGetValue(after.Stem, out var n) ? n : 0;
            var ordinal = document.At(token.Index - 1) is { } before && Ordinals.TryGetValue(before.Stem, out var o) ? o : 0;
            if (number == lastDay || ordinal == lastDay)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "On the last day we took a steamer across the lake": the trip's last day told in the simple past (not "the last full day",
    /// which a stay still under way also says, nor a heading) recounts the whole trip.
    /// </summary>
    private static bool ToldItsLastDay(TextDocument document) =>
        document.Tokens.Any(t => t.Is("day") && t.Sentence > 0 && document.At(t.Index - 1) is { } last && (last.Is("last") || last.Is("final"))
            && document.At(t.Index - 2) is { } article && (article.Is("the") || article.Is("our") || article.Is("their"))
            && NarrativeTense.Of(document, t.Sentence) == Tense.Past && !document.TokensOfSentence(t.Sentence).Any(w => w.Is("today") || w.Is("tomorrow")));

    /// <summary>The mention's sentence is in the past, or is the tail of one cut at a clock time ("departed school at 1:15pm on Monday 19th June").</summary>
    private static bool IsToldInPast(TextDocument document, TemporalMention mention)
    {
        var tense = NarrativeTense.Of(document, mention.Sentence);
        return tense == Tense.Past
            || (tense == Tense.None && document.TokenAtOrAfter(mention.Start) is { SentenceStart: false } && NarrativeTense.Of(document, mention.Sentence - 1) == Tense.Past);
    }

    /// <summary>Where a live update says the trip ends: a stated time (tomorrow's if it comes home tomorrow), else the last day named, else unknown.</summary>
    private static (DateTime? End, TextRange? Cue) LiveEnd(TextDocument document, IReadOnlyList<TemporalMention> times, DateOnly today, DateTime publishLocal, IReadOnlySet<int> onSite)
    {
        var usable = times.Where(t => t.Kind != TemporalKind.Past && !onSite.Contains(t.Sentence) && NarrativeTense.Of(document, t.Sentence) != Tense.Past).ToList();
        var laterDays = usable.Where(t => t.LastDay is { } d && d > today).ToList();
        var stated = usable.Where(t => t.LastDay is null && t.EndsAt is not null).ToList();
        DateTime? best = null;
        TextRange? cue = null;
        var daysWithTime = new HashSet<DateOnly>();
        foreach (var time in stated)
        {
            // "home tomorrow ... back about half four": the day of a stated time is a later day mentioned beside it.
            var day = laterDays.Where(d => Math.Abs(d.Sentence - time.Sentence) <= 1).Select(d => d.LastDay).Max() ?? today;
            daysWithTime.Add(day);
            var at = day.ToDateTime(time.EndsAt!.Value);
            if (best is null || at > best)
            {
                best = at;
                cue = new TextRange(time.Start, time.Length);
            }
        }
        foreach (var time in laterDays.Where(t => t.EndsAt is not null || !daysWithTime.Contains(t.LastDay!.Value)))
        {
            var at = time.LastDay!.Value.ToDateTime(time.EndsAt ?? EndOfSchoolDay);
            if (best is null || at > best)
            {
                best = at;
                cue = new TextRange(time.Start, time.Length);
            }
        }
        if (best is not null)
        {
            return (best, cue);
        }
        if (IsMultiDay(document))
        {
            return (null, null);
        }
        // A day trip under way with no return stated: the end of the day (or an hour on, late in the day).
        var endOfDay = today.ToDateTime(EndOfSchoolDay);
        return (endOfDay > publishLocal ? endOfDay : publishLocal.AddHours(1), null);
    }

    private static bool IsRelativeTime(TextDocument document, TripSignal signal) =>
        document.Tokens[signal.First] is var token && (token.Is("tomorrow") || token.Is("tonight") || token.Is("this") || token.Is("later"));

    private static TextRange RangeOf(TextDocument document, TripSignal signal) =>
        new(document.Tokens[signal.First].Start, document.Tokens[signal.Last].End - document.Tokens[signal.First].Start);

    private static TemporalMention? StatedEnd(IReadOnlyList<TemporalMention> times, int sentence, TextDocument document) =>
        times.FirstOrDefault(t => t.LastDay is null && t.EndsAt is not null && Math.Abs(t.Sentence - sentence) <= 1 && NarrativeTense.Of(document, t.Sentence) != Tense.Past);

    /// <summary>
    /// "We have just returned from Hooke Court" under the heading "Great days at Hooke Court Dorset": the present perfect of the
    /// return from the place the post's heading names is the whole trip's (not "have just returned from the beach" in a diary,
    /// whose beach the heading does not name, nor under a later day's heading).
    /// </summary>
    private static bool IsReturnFromTheTrip(TextDocument document, TripSignal signal, IReadOnlyList<OffSiteCue> cues)
    {
        if (!document.Tokens[signal.First].Is("returned") || !document.Tokens[signal.Last].Is("from") || !NarrativeTense.IsPerfect(document, signal.Sentence)
            || HasLaterDayHeading(document) || signal.Sentence == 0)
        {
            return false;
        }
        // The capitalised name after "from" ("Hooke Court"), inside a cue of the heading ("Hooke Court Dorset").
        var name = string.Join(' ', Enumerable.Range(signal.Last + 1, 4).Select(document.At)
            .TakeWhile(t => t is not null && t.Sentence == signal.Sentence && t.IsCapitalised).Select(t => t!.Text));
        return name.Length > 0 && cues.Any(c => c.Sentence == 0 && c.Text.Contains(name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"Thank you to all of the parents for collecting the children promptly": thanks for a return are for one that is done.</summary>
    private static bool IsThanksFor(TextDocument document, TripSignal signal) =>
        document.IsWordAt(signal.First - 1, "for") && document.TokensOfSentence(signal.Sentence).Any(t => t.Index < signal.First && (t.Is("thank") || t.Is("thanks")));

    /// <summary>"tonight", "this evening": the evening of the day.</summary>
    private static bool IsEvening(TextDocument document, TemporalMention mention) =>
        document.TokenAtOrAfter(mention.Start) is { } token && (token.Is("tonight") || token.Is("this") && document.IsWordAt(token.Index + 1, "evening"));

    /// <summary>"have been out", "has been to": the present perfect of "be" (not "have been having"), told of a day that is done.</summary>
    private static bool HasBeenPerfect(TextDocument document, int sentence) =>
        document.TokensOfSentence(sentence).Any(t => (t.Is("have") || t.Is("has") || t.Is("'ve")) && document.IsWordAt(t.Index + 1, "been")
            && document.At(t.Index + 2) is { } after && after.Sentence == sentence && !after.Stem.EndsWith("ing", StringComparison.OrdinalIgnoreCase));

    /// <summary>"this week", "this term", "this half term", "this month": a period around the publish day, not a day ahead.</summary>
    private static bool IsThisPeriod(TextDocument document, TemporalMention mention) =>
        document.TokenAtOrAfter(mention.Start) is { } token && token.Is("this") && document.At(token.Index + 1) is { } period
        && (period.Is("week") || period.Is("term") || period.Is("half") || period.Is("month") || period.Is("fortnight"));

    private static bool IsRelativeDay(TextDocument document, TemporalMention mention) =>
        document.TokenAtOrAfter(mention.Start) is { } token && (token.Is("today") || token.Is("tonight") || token.Is("this") || token.Is("later"));

    /// <summary>A post about a trip from its start: stay words, cues in several sentences, or a cue in its first lines.</summary>
    private static bool IsTripNarrative(TextDocument document, IReadOnlyList<OffSiteCue> cues) =>
        document.Tokens.Any(StayWords.Contains) || cues.Select(c => c.Sentence).Distinct().Count() >= 2 || cues.Any(c => c.Sentence <= 1) || HasLaterDayHeading(document);

    /// <summary>
    /// "Day 4", "Update for day 3 on the Isle of Wight": a heading in the post's first lines that numbers a later day of a trip
    /// (two or more) is the diary of a stay that has lasted nights already; a recount's body ("set up camp on day one") is not a heading.
    /// </summary>
    private static bool HasLaterDayHeading(TextDocument document) => document.Memo((typeof(TripModel), "laterday"), d => (object)(DayHeadingNumber(d, 1) >= 2)) is true;

    /// <summary>The highest "Day N" ("Day 3", "day #2", "Day three") among the first sentences up to <paramref name="lastSentence"/>; 0 when none.</summary>
    private static int DayHeadingNumber(TextDocument document, int lastSentence)
    {
        var highest = 0;
        foreach (var token in document.Tokens)
        {
            if (token.Sentence > lastSentence)
            {
                break;
            }
            if (token.Is("day") && document.At(token.Index + 1) is { } number && number.Sentence == token.Sentence
                && Counts.TryGetValue(number.Stem.TrimStart('#'), out var n))
            {
                highest = Math.Max(highest, n);
            }
        }
        return highest;
    }

    /// <summary>
    /// A day the post names, before the publish day, that a stay of the length the post says would still be inside ("We arrived
    /// at the centre on Friday" in a weekend away published on Saturday).
    /// </summary>
    private static bool StartedWithinItsLength(IReadOnlyList<TemporalMention> times, DateOnly today, IReadOnlySet<int> onSite, int stayNights) =>
        stayNights != 0 && times.Any(t => t.LastDay is { } day && day < today && !onSite.Contains(t.Sentence)
            && day.AddDays(stayNights == Weekend ? (7 - (int)day.DayOfWeek) % 7 : stayNights) >= today);

    /// <summary>"We're currently in Mozambique", "they are currently at": the group now, even in a post that looks back on its week.</summary>
    private static bool IsGroupCurrently(TextDocument document, TemporalMention mention) =>
        document.TokenAtOrAfter(mention.Start) is { } first && document.Tokens.Skip(first.Index).Take(3).FirstOrDefault(w => w.Is("currently")) is { } currently
        && IsGroupCurrently(document, currently.Index);

    private static bool IsGroupCurrently(TextDocument document, int index) =>
        document.At(index - 1) is { } be && be.Sentence == document.Tokens[index].Sentence
        && (be.Is("we're") || be.Is("they're") || (be.Is("are") && document.At(index - 2) is { } who && (who.Is("we") || who.Is("they"))));

    /// <summary>
    /// "On the way home, we were told about the floods" under a "Day 2" heading: the walk back to the centre, not the group's
    /// return (which names school: "on the way home to school").
    /// </summary>
    private static bool IsWayBackToTheCentre(TextDocument document, TripSignal signal) =>
        document.Tokens[signal.First].Is("way") && HasLaterDayHeading(document)
        && !Enumerable.Range(signal.Last + 1, 3).Any(k => document.At(k) is { } word && word.Sentence == signal.Sentence && word.Is("school"));

    /// <summary>"Day 1", "Day 3" among the post's first three sentences: a stay's diary heading.</summary>
    private static bool HasDayHeading(TextDocument document) => DayHeadingNumber(document, 2) >= 1;

    private static bool IsMultiDay(TextDocument document) =>
        document.Tokens.Any(StayWords.Contains) || MultiDayPhrases.Matches(document).Any() || StayPhrases.Matches(document).Any();

    /// <summary>A stay away: stay words or phrases, or an activity centre's programme.</summary>
    private static bool IsStay(TextDocument document, IReadOnlyList<OffSiteCue> cues) =>
        document.Tokens.Any(StayWords.Contains) || StayPhrases.Matches(document).Any() || cues.Count(OffSiteCues.IsActivity) >= 2 || HasLaterDayHeading(document);

    /// <summary>What ties a stay's post to its publish day: the day's own date, "today", "this morning", "tonight", or a diary phrase.</summary>
    private static TextRange? StayOpening(TextDocument document, IReadOnlyList<TemporalMention> times, DateOnly today, IReadOnlySet<int> onSite)
    {
        if (times.FirstOrDefault(t => t.LastDay == today && !onSite.Contains(t.Sentence)) is { } own)
        {
            return new TextRange(own.Start, own.Length);
        }
        if (TripNarrative.WeakLive(document).FirstOrDefault(l => !onSite.Contains(l.Sentence)) is { } diary)
        {
            return RangeOf(document, diary);
        }
        // "the day started with ...": a diary of the day itself.
        var day = document.Tokens.FirstOrDefault(t => t.Is("day") && document.IsWordAt(t.Index - 1, "the") && document.At(t.Index + 1) is { } verb
            && (verb.Is("started") || verb.Is("began") || verb.Is("starts") || verb.Is("begins")));
        return day is null ? null : new TextRange(document.Tokens[day.Index - 1].Start, day.End - document.Tokens[day.Index - 1].Start);
    }
}
