using System.Globalization;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>
/// An English (en-GB) temporal expression parser: today, tonight, this morning/afternoon, tomorrow,
/// on Friday, next Tuesday, this weekend, next week, 12th June, June 12, 12/06 (day/month), 12 June 2027,
/// ranges ("Monday to Wednesday"), "right now", "currently", "on our way", "we're heading to",
/// "will be at", and times ("set off at 9", "back at 3:30", "until 4pm"). Everything is resolved
/// against the publish time in the school's time zone; a sentence in the past tense reads a bare
/// weekday backwards ("On Friday we visited...").
/// </summary>
public static class TemporalExpressionParser
{
    public static readonly TimeOnly EndOfSchoolDay = new(18, 0);
    private static readonly TimeOnly EndOfMorning = new(12, 0);
    private static readonly TimeOnly EndOfAfternoon = new(17, 0);
    private static readonly TimeOnly EndOfEvening = new(22, 0);

    private static readonly WordSet Weekdays = OrdinaryWordNames.Weekdays;

    private static readonly Dictionary<string, int> MonthNumbers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    private static readonly WordSet EndTimeCues = new("back return returning returns home until till til finish finishes finishing collect collection pickup pick end ends ending due eta arrival arrive arriving");

    /// <summary>Phrases that mean "happening now", as lower-case word sequences.</summary>
    private static readonly string[][] NowPhrases =
    [
        ["right", "now"], ["currently"], ["at", "the", "moment"], ["as", "we", "speak"], ["on", "our", "way"], ["on", "their", "way"], ["on", "the", "way"],
        ["heading", "to"], ["heading", "off"], ["we're", "off"], ["we", "are", "off"], ["we're", "at"], ["we", "are", "at"],
        ["we're", "here"], ["have", "arrived"], ["just", "arrived"], ["arrived", "safely"], ["underway"], ["under", "way"],
        ["live", "from"], ["are", "having", "a"], ["are", "enjoying"], ["are", "now"], ["are", "currently"],
        ["have", "set", "off"], ["just", "set", "off"], ["setting", "off"], ["we're", "heading"], ["we", "are", "heading"],
        ["are", "spending"], ["is", "spending"], ["spending", "the", "day"], ["spending", "the", "afternoon"], ["spending", "the", "morning"],
    ];

    private static readonly string[][] FuturePhrases =
    [
        ["will", "be", "at"], ["will", "be", "visiting"], ["will", "be", "heading"], ["will", "be", "going"], ["will", "set", "off"],
        ["are", "off", "to"], ["are", "going", "to"], ["is", "going", "to"], ["set", "off", "at"], ["leave", "school", "at"],
    ];

    public static IReadOnlyList<TemporalMention> Parse(TextDocument document, DateTime publishLocal)
    {
        var mentions = new List<TemporalMention>();
        var tokens = document.Tokens;
        var today = DateOnly.FromDateTime(publishLocal);

        void Add(TemporalKind kind, int first, int last, DateOnly? day, TimeOnly? endsAt)
        {
            var start = tokens[first].Start;
            mentions.Add(new TemporalMention(kind, start, tokens[last].End - start, tokens[first].Sentence, day, endsAt));
        }

        var sentence = -1;
        var past = false;
        var future = false;
        var headingPast = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Lower;
            if (tokens[i].Sentence != sentence)
            {
                // The tense of a sentence, looked up once for its tokens.
                sentence = tokens[i].Sentence;
                var tense = NarrativeTense.Of(document, sentence);
                past = tense == Tense.Past;
                future = tense == Tense.Future;
                headingPast = false;
                if (tense == Tense.None)
                {
                    // A heading's yearless date ("Year 2 Sleepover July 18") is read with the narrative that follows it
                    // (a sentence, not a list item's note such as "Packed lunch needed").
                    var following = Enumerable.Range(sentence + 1, 2).FirstOrDefault(s => NarrativeTense.Of(document, s) != Tense.None, -1);
                    headingPast = following >= 0 && NarrativeTense.Of(document, following) == Tense.Past && HasWords(tokens, i, following, 6);
                }
            }

            if (MatchPhrase(document, i, NowPhrases, out var nowEnd))
            {
                // "We were now properly underway", "we were on our way": told in the past, whatever "now" says.
                var toldBefore = Enumerable.Range(i - 3, 3).Any(k => document.At(k) is { } be && be.Sentence == tokens[i].Sentence && (be.Is("was") || be.Is("were")));
                if ((!past || word is "currently" or "right") && !toldBefore)
                {
                    Add(TemporalKind.Now, i, nowEnd, today, null);
                }
                i = nowEnd;
                continue;
            }
            if (MatchPhrase(document, i, FuturePhrases, out var futureEnd) && !IsFigurativeAt(document, futureEnd))
            {
                var time = TimeAfter(document, futureEnd + 1, out _);
                // "set off at 9" with no day stated: today (the date, if any, is found separately).
                Add(TemporalKind.Dated, i, futureEnd, today, time is { } t && word is "set" or "leave" ? null : time);
                i = futureEnd;
                continue;
            }
            switch (word)
            {
                case "yesterday":
                    Add(TemporalKind.Past, i, i, today.AddDays(-1), null);
                    continue;
                case "last" when document.At(i + 1) is { } unit && (Weekdays.Contains(unit) || unit.Is("week") || unit.Is("weekend") || unit.Is("night") || unit.Is("term") || unit.Is("month") || unit.Is("year")):
                    Add(TemporalKind.Past, i, i + 1, null, null);
                    i++;
                    continue;
                case "ago" or "earlier" when document.At(i + 1) is null || !document.At(i + 1)!.Is("than"):
                    Add(TemporalKind.Past, i, i, null, null);
                    continue;
                // "a London that we still enjoy today": nowadays, not a day.
                case "today" when document.At(i - 1) is { } before && (before.Is("still") || before.Is("even") || before.Is("enjoy")):
                    continue;
                case "today" or "later" when word == "today" || document.IsWordAt(i + 1, "today"):
                {
                    // "had a wonderful time at the castle today": the day is not over, the children may still be there.
                    var last = word == "later" ? i + 1 : i;
                    Add(TemporalKind.Dated, i, last, today, null);
                    i = last;
                    continue;
                }
                case "tonight":
                    Add(TemporalKind.Dated, i, i, today, EndOfEvening);
                    continue;
                case "this" when document.At(i + 1) is { } part && PartOfDayEnd(part.Stem) is { } partEnd:
                    Add(past ? TemporalKind.Past : TemporalKind.Dated, i, i + 1, today, partEnd);
                    i++;
                    continue;
                case "tomorrow":
                {
                    var last = i;
                    TimeOnly? end = null;
                    if (document.At(i + 1) is { } part2 && PartOfDayEnd(part2.Stem) is { } tomorrowPart)
                    {
                        last = i + 1;
                        end = tomorrowPart;
                    }
                    Add(TemporalKind.Dated, i, last, today.AddDays(1), end);
                    i = last;
                    continue;
                }
                case "this" or "next" when document.At(i + 1) is { } unit2 && (unit2.Is("weekend") || unit2.Is("week")):
                {
                    // Weeks run Monday to Sunday; a school week ends on Friday. At the weekend "this week" and "next week" both mean the coming one.
                    var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
                    var weekend = today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                    var lastDay = unit2.Is("weekend")
                        ? monday.AddDays(word == "next" ? 13 : 6)
                        : monday.AddDays(word == "next" || weekend ? 11 : 4);
                    Add(past ? TemporalKind.Past : TemporalKind.Dated, i, i + 1, lastDay, null);
                    i++;
                    continue;
                }
            }
            // A sentence that mixes tenses is read at the date's own verb ("... on Thursday afternoon was a real treat").
            var pastHere = past || (headingPast && (DayNumber(tokens[i].Text) is not null || MonthNumbers.ContainsKey(tokens[i].Stem)));
            if (TryDate(document, i, today, pastHere, future, out var dateEnd, out var date))
            {
                if (!pastHere && NarrativeTense.Of(document, sentence) == Tense.Present && NarrativeTense.NearestVerb(document, i) == Tense.Past)
                {
                    // (looked up only for a date: the nearest verb is a scan of the sentence)
                    TryDate(document, i, today, past: true, future, out dateEnd, out date);
                }
                var first = i;
                var last = dateEnd;
                // Ranges: "Monday to Wednesday", "12th-14th June", "from 3rd until 5th July".
                if (document.At(last + 1) is { } joiner && (joiner.Is("to") || joiner.Is("until") || joiner.Is("till") || joiner.Is("and") || document.At(last + 1)!.Gap.Trim() is "-" or "–")
                    && TryDate(document, joiner.Is("to") || joiner.Is("until") || joiner.Is("till") || joiner.Is("and") ? last + 2 : last + 1, date, past: false, future: true, out var rangeEnd, out var rangeDate))
                {
                    if (rangeDate < date && rangeDate.AddYears(1) >= date)
                    {
                        rangeDate = rangeDate.AddYears(1);
                    }
                    last = rangeEnd;
                    date = rangeDate >= date ? rangeDate : date;
                }
                else if (document.At(last + 1) is { } to && (to.Is("to") || to.Is("until") || to.Gap.Trim() is "-" or "–")
                    && document.At(to.Is("to") || to.Is("until") ? last + 2 : last + 1) is { } endDay && DayNumber(endDay.Text) is { } dayOfEnd
                    && dayOfEnd > date.Day && dayOfEnd <= DateTime.DaysInMonth(date.Year, date.Month) && !MonthNumbers.ContainsKey(document.At(endDay.Index + 1)?.Stem ?? ""))
                {
                    // "May 10th to 18th, 2017": the range ends in the first day's month, in the year written after it.
                    last = endDay.Index;
                    var year = date.Year;
                    if (document.At(last + 1) is { IsNumber: true, Text.Length: 4 } written && int.TryParse(written.Text, CultureInfo.InvariantCulture, out var y) && y is > 1900 and < 2200
                        && dayOfEnd <= DateTime.DaysInMonth(y, date.Month))
                    {
                        year = y;
                        last++;
                    }
                    date = new DateOnly(year, date.Month, dayOfEnd);
                }
                var endsAt = TimeAfter(document, last + 1, out var timeEnd);
                var kind = date < today ? TemporalKind.Past : TemporalKind.Dated;
                Add(kind, first, last, date, endsAt);
                i = Math.Max(last, timeEnd);
                continue;
            }
            // "Throughout the week everyone will have a turn", "for the rest of the week": the days left of this school week.
            if (future && (word is "throughout" or "during" or "over" || (word == "rest" && document.IsWordAt(i + 1, "of"))) && RestOfWeek(document, i, out var weekEnd))
            {
                var friday = today.AddDays(((int)DayOfWeek.Friday - (int)today.DayOfWeek + 7) % 7);
                Add(TemporalKind.Dated, i, weekEnd, today.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? today : friday, null);
                i = weekEnd;
                continue;
            }
            if (future && TryMonth(document, i, today, out var monthEnd, out var monthLast))
            {
                Add(TemporalKind.Dated, i, monthEnd, monthLast, null);
                i = monthEnd;
                continue;
            }
            // "the trip will run in 2027": a later year told in the future of a trip the sentence names is a stated later
            // time, up to that year's end ("looking forward to Lisbon in 2027" names no trip and no date).
            if (future && word == "in" && LaterYear(document, i + 1, today) is { } laterYear && document.SentenceOf(i).Any(TripNouns.Contains))
            {
                Add(TemporalKind.Dated, i, i + 1, new DateOnly(laterYear, 12, 31), null);
                i++;
                continue;
            }
            // A stated end time with no day: "back at 3:30", "home by 4pm", "back at school by 3:30".
            if (EndTimeCues.Contains(tokens[i]))
            {
                for (var k = i + 1; k <= i + 4 && k < tokens.Count && tokens[k].Sentence == tokens[i].Sentence; k++)
                {
                    if (TimeAfter(document, k, out var cueEnd) is { } cueTime)
                    {
                        // "home tomorrow (Friday at around 5:30pm": the day between the cue and its time is the time's day.
                        Add(past ? TemporalKind.Past : TemporalKind.Dated, i, cueEnd, DayBetween(document, i + 1, k, today, past, future), cueTime);
                        i = cueEnd;
                        break;
                    }
                }
            }
        }
        return mentions;
    }

    /// <summary>A day named between a return cue and its time: "tomorrow", "Friday", "12th June"; null when none is.</summary>
    private static DateOnly? DayBetween(TextDocument document, int first, int end, DateOnly today, bool past, bool future)
    {
        for (var j = first; j < end; j++)
        {
            if (document.Tokens[j].Is("tomorrow"))
            {
                return today.AddDays(1);
            }
            if (TryDate(document, j, today, past, future, out _, out var day))
            {
                return day;
            }
        }
        return null;
    }

    /// <summary>Outings a later year may be stated for: "the trip will run in 2027".</summary>
    private static readonly WordSet TripNouns = new("trip trips residential residentials visit exchange excursion expedition tour camp");

    /// <summary>A year after the publish date's, written in full and not as a month's or a day's year: "in 2027".</summary>
    private static int? LaterYear(TextDocument document, int index, DateOnly today) =>
        document.At(index) is { IsNumber: true, Text.Length: 4 } token && token.Sentence == document.Tokens[index - 1].Sentence
        && int.TryParse(token.Text, CultureInfo.InvariantCulture, out var year) && year > today.Year && year <= today.Year + 3
            ? year
            : null;

    private static TimeOnly? PartOfDayEnd(string word) => word.ToLowerInvariant() switch
    {
        "morning" => EndOfMorning,
        "lunchtime" => new TimeOnly(13, 30),
        "afternoon" => EndOfAfternoon,
        "evening" or "night" => EndOfEvening,
        _ => null,
    };

    private static readonly HashSet<string> PhraseStarts =
        new(NowPhrases.Concat(FuturePhrases).Select(p => p[0]), StringComparer.OrdinalIgnoreCase);

    private static bool MatchPhrase(TextDocument document, int i, string[][] phrases, out int end)
    {
        end = i;
        if (!PhraseStarts.Contains(document.Tokens[i].Word))
        {
            return false;
        }
        foreach (var phrase in phrases)
        {
            var ok = true;
            for (var k = 0; k < phrase.Length && ok; k++)
            {
                var token = document.At(i + k);
                ok = token is not null && string.Equals(token.Word, phrase[k], StringComparison.OrdinalIgnoreCase)
                    && (k == 0 || token.Sentence == document.Tokens[i].Sentence);
            }
            if (ok)
            {
                end = i + phrase.Length - 1;
                return true;
            }
        }
        end = i;
        return false;
    }

    /// <summary>A day: "Friday", "on Friday", "next Tuesday", "this Thursday", "12th June", "June 12th", "12/06", "12 June 2027", "Friday 12th June".</summary>
    private static bool TryDate(TextDocument document, int i, DateOnly today, bool past, bool future, out int end, out DateOnly date)
    {
        end = i;
        date = today;
        var token = document.At(i);
        if (token is null)
        {
            return false;
        }
        var start = i;
        var modifier = "";
        // "Since Tuesday afternoon, the children have had...": a day after "since" is behind, whatever the tense.
        if (document.At(i - 1) is { } since && since.Is("since") && since.Sentence == token.Sentence)
        {
            past = true;
            future = false;
        }
        if (token.Is("on") || token.Is("this") || token.Is("next") || token.Is("coming") || token.Is("from") || token.Is("by"))
        {
            modifier = token.Stem.ToLowerInvariant();
            start = i + 1;
            if (document.IsWordAt(start, "coming"))
            {
                start++;
            }
        }
        var first = document.At(start);
        if (first is null)
        {
            return false;
        }
        if (Weekdays.Contains(first) && !first.IsPossessive && !IsFestivalDay(document, start))
        {
            var weekday = Enum.Parse<DayOfWeek>(first.Stem, ignoreCase: true);
            // "Friday 12th June": the explicit date wins, in the year its weekday names.
            if (TryExplicitDate(document, start + 1, today, past, future, out var explicitEnd, out var explicitDate, weekday)
                || (document.IsWordAt(start + 1, "the") && TryExplicitDate(document, start + 2, today, past, future, out explicitEnd, out explicitDate, weekday)))
            {
                end = explicitEnd;
                date = explicitDate;
                return true;
            }
            var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
            if (modifier == "next")
            {
                if (ahead == 0)
                {
                    ahead = 7;
                }
                // "next Tuesday" said on a Monday means Tuesday of next week.
                var daysLeftInWeek = ((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7;
                if (ahead <= daysLeftInWeek)
                {
                    ahead += 7;
                }
                date = today.AddDays(ahead);
            }
            else if (modifier == "this" && ahead == 0)
            {
                // "arrived at school this Sunday" said on a Sunday is today, in any tense.
                date = today;
            }
            else if (past && modifier != "coming")
            {
                // "On Friday we visited..." said on a Friday is last Friday: today would be "today".
                var back = ((int)today.DayOfWeek - (int)weekday + 7) % 7;
                date = today.AddDays(-(back == 0 ? 7 : back));
            }
            else
            {
                date = today.AddDays(ahead);
            }
            end = start;
            var part = document.At(start + 1);
            if (part is not null && PartOfDayEnd(part.Stem) is not null)
            {
                end = start + 1;
            }
            return true;
        }
        if (TryExplicitDate(document, start, today, past, future, out var dateEnd, out var parsed))
        {
            end = dateEnd;
            date = parsed;
            return true;
        }
        return false;
    }

    /// <param name="weekday">The weekday written before the date ("Saturday 21st October"): a yearless date is in the year, of
    /// the one before, this and the next, nearest the publish date in which it falls on that weekday, whatever the tense.</param>
    private static bool TryExplicitDate(TextDocument document, int i, DateOnly today, bool past, bool future, out int end, out DateOnly date, DayOfWeek? weekday = null)
    {
        end = i;
        date = today;
        var token = document.At(i);
        if (token is null)
        {
            return false;
        }
        int day, month;
        int? year = null;
        var last = i;
        if (DayNumber(token.Text) is { } d && document.At(i + 1) is { } m1)
        {
            var monthIndex = i + 1;
            if (m1.Is("of") && document.At(i + 2) is not null)
            {
                monthIndex = i + 2;
            }
            var monthToken = document.At(monthIndex)!;
            if (MonthNumbers.TryGetValue(monthToken.Stem, out month))
            {
                day = d;
                last = monthIndex;
            }
            // 12/06 and 12/06/2027 (day first: en-GB); not "Year 5/6" or "class 3/4"
            else if (m1.Gap == "/" && m1.IsNumber && int.TryParse(m1.Text, CultureInfo.InvariantCulture, out month) && token.IsNumber && !IsYearGroup(document.At(i - 1)))
            {
                day = d;
                last = i + 1;
                if (document.At(i + 2) is { Gap: "/", IsNumber: true } y && int.TryParse(y.Text, CultureInfo.InvariantCulture, out var yy))
                {
                    year = yy < 100 ? 2000 + yy : yy;
                    last = i + 2;
                }
            }
            else
            {
                return false;
            }
        }
        else if (MonthNumbers.TryGetValue(token.Stem, out month) && token.Stem.Length >= 3 && document.At(i + 1) is { } dayToken && DayNumber(dayToken.Text) is { } d2
                 && dayToken.JoinedBySpace && !(document.At(i + 2) is { } after && (after.Gap.Contains(':', StringComparison.Ordinal) || after.Gap.Contains('.', StringComparison.Ordinal))))
        {
            day = d2;
            last = i + 1;
        }
        else
        {
            return false;
        }
        if (year is null && document.At(last + 1) is { IsNumber: true } yearToken && yearToken.Text.Length == 4 && int.TryParse(yearToken.Text, CultureInfo.InvariantCulture, out var fullYear) && fullYear is > 1900 and < 2200)
        {
            year = fullYear;
            last++;
        }
        if (month is < 1 or > 12)
        {
            return false;
        }
        var resolvedYear = year ?? (weekday is { } named ? YearOfWeekday(today, month, day, named) : null) ?? YearFor(today, month, day, past, future);
        if (day < 1 || day > DateTime.DaysInMonth(resolvedYear, month))
        {
            return false;
        }
        date = new DateOnly(resolvedYear, month, day);
        end = last;
        return true;
    }

    /// <summary>
    /// A date without a year is read with the sentence's tense: told in the past it is the latest such
    /// day not after the publish date ("went to the museum on 16th January", published in December, is
    /// last January); told in the future, the first one not before it; otherwise the nearest.
    /// </summary>
    private static int YearFor(DateOnly today, int month, int day, bool past, bool future)
    {
        if (past || future)
        {
            foreach (var year in past ? new[] { today.Year, today.Year - 1 } : new[] { today.Year, today.Year + 1 })
            {
                if (day > DateTime.DaysInMonth(year, month))
                {
                    continue;
                }
                var candidate = new DateOnly(year, month, day);
                if (past ? candidate <= today : candidate >= today)
                {
                    return year;
                }
            }
        }
        return NearestYear(today, month, day);
    }

    /// <summary>"Saturday 21st October" published in late October 2017 is 2017's (a Saturday), not 2018's (a Sunday).</summary>
    private static int? YearOfWeekday(DateOnly today, int month, int day, DayOfWeek weekday) =>
        new[] { today.Year - 1, today.Year, today.Year + 1 }
            .Where(year => day >= 1 && day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day).DayOfWeek == weekday)
            .Select(year => (int?)year)
            .MinBy(year => Math.Abs(new DateOnly(year!.Value, month, day).DayNumber - today.DayNumber));

    /// <summary>A date without a year is the one nearest the publish date.</summary>
    private static int NearestYear(DateOnly today, int month, int day)
    {
        var best = today.Year;
        var bestDistance = int.MaxValue;
        foreach (var year in new[] { today.Year - 1, today.Year, today.Year + 1 })
        {
            if (day > DateTime.DaysInMonth(year, month))
            {
                continue;
            }
            var distance = Math.Abs(new DateOnly(year, month, day).DayNumber - today.DayNumber);
            if (distance < bestDistance)
            {
                best = year;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Sentence <paramref name="sentence"/>, found from token <paramref name="from"/> on, has at least <paramref name="count"/> words.</summary>
    private static bool HasWords(IReadOnlyList<Token> tokens, int from, int sentence, int count)
    {
        var seen = 0;
        for (var k = from; k < tokens.Count && tokens[k].Sentence <= sentence; k++)
        {
            seen += tokens[k].Sentence == sentence ? 1 : 0;
            if (seen >= count)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"throughout the week", "during the week", "over the week", "rest of the week", "rest of our week".</summary>
    private static bool RestOfWeek(TextDocument document, int i, out int end)
    {
        end = i;
        var k = document.Tokens[i].Is("rest") ? i + 2 : i + 1;
        if (document.At(k) is { } determiner && (determiner.Is("the") || determiner.Is("our")) && document.At(k + 1) is { } week && week.Is("week")
            && week.Sentence == document.Tokens[i].Sentence)
        {
            end = k + 1;
            return true;
        }
        return false;
    }

    /// <summary>Nouns of "at the heart of", "at the forefront of": a figure of speech, not a place anyone will be.</summary>
    private static readonly WordSet FigurativeAtNouns = new("heart centre center core forefront top front cutting");

    /// <summary>"the data collected will be at the heart of the project": "will be at" followed by a figure of speech.</summary>
    private static bool IsFigurativeAt(TextDocument document, int phraseEnd) =>
        document.Tokens[phraseEnd].Is("at") && document.IsWordAt(phraseEnd + 1, "the") && FigurativeAtNouns.Contains(document.At(phraseEnd + 2))
        && (document.IsWordAt(phraseEnd + 3, "of") || document.IsWordAt(phraseEnd + 3, "edge"));

    /// <summary>Words that make a weekday a festival's name: "Easter Sunday", "Shrove Tuesday", "Good Friday".</summary>
    private static readonly WordSet FestivalDayWords = new("easter palm remembrance shrove pancake ash maundy good holy mothering whit trinity black cyber");

    /// <summary>"remember Jesus on Easter Sunday": a festival named by its weekday is no day of the coming week.</summary>
    private static bool IsFestivalDay(TextDocument document, int weekday) =>
        document.At(weekday - 1) is { IsCapitalised: true } festival && FestivalDayWords.Contains(festival) && document.At(weekday)!.JoinedBySpace
        && festival.Sentence == document.At(weekday)!.Sentence;

    /// <summary>"Monday", "January", "Sept": a day or month name.</summary>
    public static bool IsDayOrMonthName(Token token) => Weekdays.Contains(token) || MonthNumbers.ContainsKey(token.Stem);

    private static bool IsYearGroup(Token? before) =>
        before is not null && (before.Is("year") || before.Is("years") || before.Is("yr") || before.Is("y") || before.Is("class") || before.Is("classes") || before.Is("p"));

    /// <summary>
    /// "in July", "during October", "at the end of June" told ahead (not in the past): the month's last day, this
    /// year if the month has not ended, else next year. A past sentence's month is over or is the post's own.
    /// </summary>
    private static bool TryMonth(TextDocument document, int i, DateOnly today, out int end, out DateOnly lastDay)
    {
        end = i;
        lastDay = today;
        var token = document.Tokens[i];
        if (!(token.Is("in") || token.Is("during")) && !(token.Is("of") && document.IsWordAt(i - 1, "end")))
        {
            return false;
        }
        var k = i + 1;
        if (document.At(k) is { } early && (early.Is("early") || early.Is("mid") || early.Is("late")))
        {
            k++;
        }
        if (document.At(k) is not { IsCapitalised: true } monthToken || monthToken.Stem.Length < 3 || !MonthNumbers.TryGetValue(monthToken.Stem, out var month)
            || monthToken.Sentence != token.Sentence || document.At(k + 1) is { } next && next.Sentence == token.Sentence && (DayNumber(next.Text) is not null || next.IsNumber))
        {
            return false;
        }
        var year = month >= today.Month ? today.Year : today.Year + 1;
        lastDay = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        end = k;
        return true;
    }

    private static int? DayNumber(string text)
    {
        if (text.Length is 0 or > 4 || !char.IsAsciiDigit(text[0]))
        {
            return null;
        }
        // Called for every token: no allocation. "12", "1st", "22ND"; not "123" or "3rdly".
        var digits = text.Length > 1 && char.IsAsciiDigit(text[1]) ? 2 : 1;
        var suffix = text.AsSpan(digits);
        if (!(suffix.IsEmpty || suffix.Equals("st", StringComparison.OrdinalIgnoreCase) || suffix.Equals("nd", StringComparison.OrdinalIgnoreCase)
            || suffix.Equals("rd", StringComparison.OrdinalIgnoreCase) || suffix.Equals("th", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        var value = digits == 1 ? text[0] - '0' : (text[0] - '0') * 10 + text[1] - '0';
        return value is >= 1 and <= 31 ? value : null;
    }

    /// <summary>"at 3:30", "by 4pm", "3.30pm", "15:30", "at 9" (school hours: 1–6 are afternoon).</summary>
    public static TimeOnly? TimeAfter(TextDocument document, int i, out int end)
    {
        end = i - 1;
        var token = document.At(i);
        if (token is not null && (token.Is("at") || token.Is("by") || token.Is("around") || token.Is("about") || token.Is("approximately") || token.Is("approx")))
        {
            i++;
            token = document.At(i);
        }
        if (token is null)
        {
            return null;
        }
        if (!token.StartsWithDigit)
        {
            // "back about half four", "see you at four fifteen"
            var spoken = SpokenTime.TryRead(document, i, bareHourAllowed: i > 0 && (document.Tokens[i - 1].Is("at") || document.Tokens[i - 1].Is("about") || document.Tokens[i - 1].Is("around") || document.Tokens[i - 1].Is("by")), out var spokenEnd);
            if (spoken is not null)
            {
                end = spokenEnd;
            }
            return spoken;
        }
        var text = token.Text.ToLowerInvariant();
        var meridiem = text.EndsWith("am", StringComparison.Ordinal) ? "am" : text.EndsWith("pm", StringComparison.Ordinal) ? "pm" : "";
        var hourText = meridiem.Length > 0 ? text[..^2] : text;
        if (!int.TryParse(hourText, CultureInfo.InvariantCulture, out var hour) || hour > 23)
        {
            return null;
        }
        var minute = 0;
        var last = i;
        if (meridiem.Length == 0 && document.At(i + 1) is { } minutes && (minutes.Gap is ":" or ".") && minutes.Text.Length >= 2 && minutes.Text[..2].All(char.IsAsciiDigit))
        {
            minute = int.Parse(minutes.Text[..2], CultureInfo.InvariantCulture);
            var rest = minutes.Text[2..].ToLowerInvariant();
            meridiem = rest is "am" or "pm" ? rest : "";
            last = i + 1;
            if (meridiem.Length == 0 && document.At(i + 2) is { } ampm && (ampm.Is("am") || ampm.Is("pm")) && ampm.JoinedBySpace)
            {
                meridiem = ampm.Stem.ToLowerInvariant();
                last = i + 2;
            }
        }
        else if (meridiem.Length == 0 && document.At(i + 1) is { } ampm && (ampm.Is("am") || ampm.Is("pm")) && ampm.JoinedBySpace)
        {
            meridiem = ampm.Stem.ToLowerInvariant();
            last = i + 1;
        }
        else if (meridiem.Length == 0 && !document.Tokens[i - 1 >= 0 ? i - 1 : i].Is("at") && !document.Tokens[Math.Max(i - 1, 0)].Is("by"))
        {
            // A bare number is a time only after "at" or "by".
            return null;
        }
        if (minute > 59)
        {
            return null;
        }
        if (meridiem == "pm" && hour < 12)
        {
            hour += 12;
        }
        else if (meridiem == "am" && hour == 12)
        {
            hour = 0;
        }
        else if (meridiem.Length == 0 && hour is >= 1 and <= 6)
        {
            hour += 12;
        }
        end = last;
        return new TimeOnly(hour, minute);
    }
}
