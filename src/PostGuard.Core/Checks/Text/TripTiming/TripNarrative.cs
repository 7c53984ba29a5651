using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>A phrase that says where a trip stands: under way now, or over (the group is back).</summary>
public sealed record TripSignal(int First, int Last, int Sentence, string Text);

/// <summary>
/// How a post tells its trip: live updates ("as I type this", "home tomorrow", "on our way home",
/// "more tomorrow", a diary written in the present), a return that ends it ("returned to school",
/// "the coach pulled up at school"), and the sentences that are about the school site itself
/// (closures, events in the hall, visitors who came to school), whose words say nothing of a trip.
/// </summary>
public static class TripNarrative
{
    /// <summary>Phrases written while the group is away.</summary>
    private static readonly PhraseMatcher StrongLivePhrases = new(
        "as i write", "as i type", "as we write", "as we first write", "at the time of writing", "as we speak", "right now", "on our way", "on their way",
        // "Good morning from camp", "Hello from the San José Airport": a greeting sent from where the group is.
        "good morning from", "good evening from", "good afternoon from", "greetings from", "hello from", "goodnight from", "good night from",
        "on the way home", "on the coach", "have arrived", "has arrived", "have just arrived", "just arrived", "arrived safely", "we're off",
        "we are off", "more tomorrow", "see you tomorrow", "see you at", "home tomorrow", "going home tomorrow", "coming home", "heading home",
        "head home", "set off home", "go home tomorrow", "we're coming home", "keep you posted", "keep you updated", "will text", "we will text",
        "text you", "send parents a text", "eta", "estimated time of arrival", "update you later", "update later", "more photos to follow",
        "photos to follow", "check again tomorrow", "check in with us", "look in later", "tonight", "this evening", "later today",
        "later this afternoon", "before bed", "ready for bed", "getting ready for bed", "heading to bed", "head to bed", "lights out",
        "now asleep", "fast asleep", "is drawing to a close", "still going strong", "final morning", "last morning", "our home for",
        "tomorrow", "can't wait for tomorrow", "cannot wait for tomorrow");

    /// <summary>Phrases of a trip diary that a recount written afterwards also uses: they count only when nothing says it is over.</summary>
    private static readonly PhraseMatcher WeakLivePhrases = new(
        "day one", "day two", "day three", "day four", "day five", "day 1", "day 2", "day 3", "day 4", "day 5", "first day", "second day",
        "third day", "fourth day", "first full day", "final day", "last day", "last full day", "final night", "start to the week",
        "start to our", "start to the", "looking forward to", "look forward to", "the next morning", "are now", "we are all",
        "of the week", "this week", "the week ahead", "first challenge", "first activity", "first activities", "first night",
        "room inspection", "room inspections", "day 01", "day 02", "day 03", "day 04", "day 05");

    /// <summary>A recount after the event speaks of the whole trip in the past.</summary>
    private static readonly PhraseMatcher RecountPhrases = new(
        "last week", "recently", "last month", "earlier this", "in january", "in february", "in march", "in april", "in may", "in june",
        "in july", "in september", "in october", "in november", "in december", "fantastic week", "brilliant week", "wonderful week",
        "great week", "amazing week", "fabulous week", "incredible week", "super week", "a week to remember", "their week", "our week",
        "had a fantastic residential", "enjoyed a fantastic", "returned from", "tells us all about", "tell us all about", "a look back",
        "looking back", "we're back", "back from");

    /// <summary>Phrases that end a trip when told in the past: the group is back.</summary>
    private static readonly PhraseMatcher ReturnPhrases = new(
        "returned to school", "returned home", "returned from", "returned back to school", "arrived back", "got back to school",
        "came back from", "got back from",
        "back at school", "back to school", "back in school", "came home", "got home", "made it back", "pulled up at school",
        "coach ride home", "journey home", "journey back to school", "headed back to school", "had to go home", "went back to",
        "trip was over", "returned safely", "arrived home", "back home", "home safely", "safely home", "way safely home", "way home",
        "return coach", "got off the coach at school", "as we went off", "back in the classroom", "back in class",
        // "thank you for collecting the children promptly": they were handed back.
        "collecting the children", "collected the children", "collecting your children", "collected your children", "picking up the children",
        "picked up the children", "collecting your child", "collected your child");

    private static readonly PhraseMatcher OnSitePhrases = new(
        "at school", "in school", "into school", "in the hall", "in our hall", "school hall", "on the school field",
        "school field", "our field", "school grounds", "in the playground", "on the playground", "in the classroom", "in class", "on site",
        "school sleepover", "sleepover at school", "staying over at school", "came to school", "come into school", "came into school",
        "visited us", "visit us", "visiting us", "visited school", "came to visit", "came in to", "visit from", "visited by", "a visit by",
        "in the courtyard", "in our school", "on our school", "at our school", "here at school", "back at school", "school chapel",
        "forest school area", "end of the field");

    /// <summary>Events usually held at school: on site unless their sentence names where ("assembly at Canterbury Cathedral").</summary>
    private static readonly PhraseMatcher UsuallyOnSitePhrases = new("assembly", "assemblies", "at forest school", "meeting", "meetings");

    /// <summary>A stay held at school: its bedtime and "still going strong" place nobody away.</summary>
    private static readonly PhraseMatcher StayAtSchoolPhrases = new(
        "school sleepover", "sleepover at school", "sleepover in school", "staying over at school", "sleep over at school",
        "night at school", "overnight at school");

    private static readonly PhraseMatcher ClosurePhrases = new(
        "school closed", "school is closed", "school will be closed", "school will be closed on", "close the school", "closure",
        "closed today", "closed tomorrow", "will not be able to open", "not be able to open", "remain closed", "not open", "cancelled",
        "been cancelled", "postponed", "sports day", "parents evening", "parents' evening", "open evening", "meeting in school",
        "meeting at school", "meeting in the hall", "a meeting at", "a meeting in", "invite you to a meeting", "parents' meeting",
        "meeting for parents");

    /// <summary>Who a sentence may be about when it names a staff member first: "Mrs Boyce plans to attend the awards ceremony".</summary>
    private static readonly WordSet StaffTitles = new("mr mrs miss ms mx dr headteacher head");

    /// <summary>Words that bring children into a sentence: then it is their trip, whoever leads it.</summary>
    private static readonly WordSet ChildWords = new("""
        children child pupils pupil students student class classes year years we us our team teams group groups choir boys girls
        squad party cohort everyone y1 y2 y3 y4 y5 y6 y7 y8 y9 y10 y11 reception nursery
        """);

    private static readonly WordSet AwayWords = new("trip trips residential residentials excursion outing");

    private static readonly PhraseMatcher CancelPhrases = new(
        "has been cancelled", "have been cancelled", "been cancelled", "cancelled the trip", "cancelled our", "not take place", "not go ahead",
        "will not be going", "have cancelled", "has cancelled", "would have been going", "would have been visiting", "would have been on",
        "should have been going", "should have been on", "were due to go", "was due to go",
        // "the camp may be postponed until later this term": put off with no new day.
        "be postponed", "been postponed", "is postponed", "are postponed");

    /// <summary>
    /// A sentence about a staff member alone ("Mrs Boyce plans to attend the awards ceremony on June 3 at Winchester Guildhall"):
    /// it opens with a title and names no children, so its day places no child away.
    /// </summary>
    public static bool IsAboutStaffOnly(TextDocument document, int sentence)
    {
        var first = document.TokensOfSentence(sentence).FirstOrDefault();
        return first is not null && StaffTitles.Contains(first) && first.IsCapitalised
            && !document.TokensOfSentence(sentence).Any(ChildWords.Contains);
    }

    /// <summary>"Year 2 school sleepover": the stay is on the school site.</summary>
    public static bool IsStayAtSchool(TextDocument document) => document.Memo((typeof(TripNarrative), "stayatschool"), d => (object)StayAtSchoolPhrases.Matches(d).Any()) is true;

    /// <summary>"the trip has been cancelled": nobody is away.</summary>
    /// <summary>The school itself closed: "we have had to make the decision to close the school today", "due to the school closure".</summary>
    private static readonly PhraseMatcher SchoolClosurePhrases = new(
        "school closure", "school closed", "close the school", "closing the school", "school is closed", "school will be closed",
        "school will remain closed", "remain closed", "closed today", "closed tomorrow");

    /// <summary>Promises of news that a closure notice makes as well as a trip's blog.</summary>
    private static readonly WordSet NewsPromiseWords = new("posted updated update later");

    /// <summary>
    /// "keep you posted", "update you later" in a post about the school's own closure: news of the closure, not of a group away.
    /// </summary>
    public static bool IsClosureNews(TextDocument document, TripSignal signal) =>
        Enumerable.Range(signal.First, signal.Last - signal.First + 1).Any(k => NewsPromiseWords.Contains(document.Tokens[k]))
        && document.Memo((typeof(TripNarrative), "closure"), d => (object)SchoolClosurePhrases.Matches(d).Any()) is true;

    public static bool IsCancelled(TextDocument document) => document.Memo((typeof(TripNarrative), "cancel"), d => (object)CancelPhrases.Matches(d).Any()) is true;

    /// <summary>Things that come home from school in bags: "an envelope coming home next week" says nothing of a trip.</summary>
    private static readonly WordSet ThingsSentHome = new("""
        letter letters envelope envelopes form forms book books bag bags pack packs report reports slip slips leaflet leaflets
        homework certificate certificates newsletter newsletters sheet sheets card cards
        """);

    public static IReadOnlyList<TripSignal> StrongLive(TextDocument document) => document.Memo((typeof(TripNarrative), "live"), d =>
        (IReadOnlyList<TripSignal>)[.. Find(d, StrongLivePhrases).Where(s => !(d.Tokens[s.First].Is("coming") && ThingsSentHome.Contains(d.At(s.First - 1))))]);

    /// <summary>Diary phrases, less "were looking forward to" (told afterwards) and "would look forward to trying it again" (a wish, not a plan).</summary>
    public static IReadOnlyList<TripSignal> WeakLive(TextDocument document) => document.Memo((typeof(TripNarrative), "weak"), d =>
        (IReadOnlyList<TripSignal>)[.. Find(d, WeakLivePhrases).Where(s => !(d.At(s.First - 1) is { } before && (before.Is("were") || before.Is("was") || before.Is("had") || before.Is("would") || before.Is("i'd")))
            && !IsLookingToNewThings(d, s))]);

    /// <summary>Words of a new stage of life, not of a trip: "look forward to their new adventures at secondary school", "the new challenges ahead".</summary>
    private static readonly WordSet NewStageWords = new("new future secondary challenges");

    /// <summary>"looking forward to the new challenges ahead": the future of a leaver, no trip ahead.</summary>
    private static bool IsLookingToNewThings(TextDocument document, TripSignal signal) =>
        document.Tokens[signal.Last].Is("to") && (document.Tokens[signal.First].Is("look") || document.Tokens[signal.First].Is("looking"))
        && Enumerable.Range(signal.Last + 1, 3).Any(k => document.At(k) is { } word && word.Sentence == signal.Sentence && NewStageWords.Contains(word));

    /// <summary>Past-tense sentences that speak of the trip as over: "In September, our first adventure was a residential".</summary>
    public static bool IsRecount(TextDocument document) => document.Memo((typeof(TripNarrative), "recount"), d =>
        (object)RecountPhrases.Matches(d).Any(m => NarrativeTense.Of(d, d.Tokens[m.First].Sentence) == Tense.Past)) is true;

    /// <summary>Where a "went back to" ends the trip: "went back to school", not "went back to their rooms" at the centre.</summary>
    private static readonly WordSet ReturnPlaces = new("school home class classroom classrooms");

    public static IReadOnlyList<TripSignal> Returns(TextDocument document) => document.Memo((typeof(TripNarrative), "return"), d =>
        (IReadOnlyList<TripSignal>)[.. Find(d, ReturnPhrases).Where(r => !(d.Tokens[r.First].Is("went") && d.Tokens[r.Last].Is("to"))
            || ReturnPlaces.Contains(d.At(r.Last + 1)) || ReturnPlaces.Contains(d.At(r.Last + 2)) && d.At(r.Last + 2)!.Sentence == r.Sentence)]);

    /// <summary>Sentences about the school site or a closure: their words place nobody away.</summary>
    public static IReadOnlySet<int> OnSiteSentences(TextDocument document) => document.Memo((typeof(TripNarrative), "onsite"), d =>
    {
        var sentences = new HashSet<int>();
        // Meetings and evenings for parents stay on site even when they are about a trip ("a meeting at school about the residential").
        var meetings = new HashSet<int>();
        foreach (var (first, last) in OnSitePhrases.Matches(d).Concat(ClosurePhrases.Matches(d)))
        {
            // "back at school by 3:30" and "to school" in travel instructions are about the return, not an event at school.
            var token = d.Tokens[first];
            if ((token.Is("back") || token.Is("to") || token.Is("at")) && IsReturnOrMeeting(d, first))
            {
                continue;
            }
            sentences.Add(token.Sentence);
            if (Enumerable.Range(first, last - first + 1).Any(k => d.Tokens[k].Is("meeting") || d.Tokens[k].Is("evening")))
            {
                meetings.Add(token.Sentence);
            }
        }
        // "Individual Medications Meetings for Year 4 and 5 next Wednesday", "Harvest assembly": held at school unless the
        // sentence names where; a meeting is the noun (not "we will be meeting at the coach", not a meeting point).
        foreach (var (first, _) in UsuallyOnSitePhrases.Matches(d))
        {
            var token = d.Tokens[first];
            var meeting = token.Is("meeting") || token.Is("meetings");
            if (meeting && d.At(first + 1) is { } next && next.Sentence == token.Sentence && (next.Is("point") || next.Is("place")))
            {
                continue;
            }
            if (meeting && d.At(first - 1) is { } before && (before.Is("be") || before.Is("been") || before.Is("are") || before.Is("is") || before.Is("am")
                || before.Is("was") || before.Is("were") || before.Is("we're") || before.Is("they're") || before.Is("will")))
            {
                continue;
            }
            if (!NamesAPlace(d, token.Sentence))
            {
                sentences.Add(token.Sentence);
                if (meeting)
                {
                    meetings.Add(token.Sentence);
                }
            }
        }
        // "Y6 out at Crucial Crew tomorrow" inside a note about sports day is still away.
        var cancelled = CancelPhrases.Matches(d).Select(m => d.Tokens[m.First].Sentence).ToHashSet();
        sentences.RemoveWhere(s => !cancelled.Contains(s) && !meetings.Contains(s) && d.TokensOfSentence(s).Any(t => AwayWords.Contains(t) || (t.Is("out") && d.IsWordAt(t.Index + 1, "at"))));
        return (IReadOnlySet<int>)sentences;
    });

    /// <summary>"at Esholt Village Hall": the sentence names where, so a meeting in it may be elsewhere.</summary>
    private static bool NamesAPlace(TextDocument document, int sentence) =>
        document.TokensOfSentence(sentence).Any(t => (t.Is("at") || t.Is("in"))
            && document.At(t.Index + 1) is { IsCapitalised: true, StartsWithDigit: false } place && place.Sentence == sentence
            && !TemporalExpressionParser.IsDayOrMonthName(place));

    /// <summary>A journey under way: "we're now pulling in to Dover ... seeing you all at school" ends at school, it is not held there.</summary>
    private static readonly WordSet JourneyProgressives = new("heading travelling traveling driving pulling crossing approaching");

    /// <summary>
    /// "pulling in to Dover", "heading home": a journey's progressive whose next words (after "in", "to", "into") are a
    /// capitalised place or "home" is a journey outside school ("heading to the hall at school" is inside it).
    /// </summary>
    private static bool IsJourneyFromAway(TextDocument document, Token word)
    {
        if (!JourneyProgressives.Contains(word))
        {
            return false;
        }
        for (var k = word.Index + 1; k <= word.Index + 3 && document.At(k) is { } next && next.Sentence == word.Sentence; k++)
        {
            if (next.Is("home") || (next.IsCapitalised && !next.StartsWithDigit))
            {
                return true;
            }
            if (!next.Is("in") && !next.Is("to") && !next.Is("into") && !next.Is("back"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>"back at school by 3:30", "arrive at school for 8:30", "leave school at 9", "heading home to see you at school": travel times and journeys of a trip.</summary>
    private static bool IsReturnOrMeeting(TextDocument document, int i)
    {
        var token = document.Tokens[i];
        foreach (var word in document.SentenceOf(i))
        {
            if (word.Is("back") || word.Is("return") || word.Is("returning") || word.Is("arrive") || word.Is("leave") || word.Is("leaving")
                || word.Is("depart") || word.Is("departing") || word.Is("coach") || word.Is("bus") || word.Is("minibus") || word.Is("collect")
                || IsJourneyFromAway(document, word))
            {
                return word.Index != token.Index || token.Is("back");
            }
        }
        return false;
    }

    private static IReadOnlyList<TripSignal> Find(TextDocument document, PhraseMatcher matcher) =>
        [.. matcher.Matches(document).Select(m =>
        {
            var start = document.Tokens[m.First].Start;
            var end = document.Tokens[m.Last].End;
            return new TripSignal(m.First, m.Last, document.Tokens[m.First].Sentence, document.Text[start..end]);
        })];
}
