using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

public enum Tense
{
    /// <summary>No verb to go by: a heading, a date line, a list item.</summary>
    None,
    /// <summary>Simple past narration: "we visited", "they returned".</summary>
    Past,
    /// <summary>Present, present progressive or present perfect: a live update ("we are having", "have arrived").</summary>
    Present,
    /// <summary>Future or an arrangement: "will", "are going to", "tomorrow", "please bring".</summary>
    Future,
}

/// <summary>
/// The tense of each sentence, computed once per document: a live update is written in the
/// present or present perfect, a recount in the simple past, a letter about a trip in the future.
/// When a sentence mixes them the later-looking one wins (future, then present, then past).
/// </summary>
public static class NarrativeTense
{
    public static readonly WordSet PastMarkers = new("""
        was were had went visited enjoyed took came did saw made spent learned learnt explored loved returned got played
        performed watched met ate thanked raised travelled traveled walked climbed discovered found tried finished completed
        celebrated welcomed hosted competed won lost drew scored sang danced joined attended braved experienced thank thanks
        arrived headed began started set left caught rode swam ran built gave told heard felt kept brought sat stood wore
        undertook flew drove slept woke fought threw grew knew wrote spoke chose led fed fell held paid sold sent spent hung
        shook taught thought bought understood overcame became forgot stuck lit
        """);

    /// <summary>Words before a future form that put it in the past or make it unreal: "were looking forward", "would have been going".</summary>
    private static readonly WordSet PastOfFuture = new("was were would wouldn't could couldn't had");

    /// <summary>Words before "planning" that make it a noun: "months of planning", "careful planning".</summary>
    private static readonly WordSet PlanningNounBefore = new("of the after careful much some lots our");

    private static readonly WordSet FutureMarkers = new("""
        will 'll shall tomorrow upcoming forthcoming reminder remember please bring wear
        forward planning booked
        """);

    private static readonly WordSet Be = new("am is are 're 'm");
    private static readonly WordSet Have = new("have has 've");
    private static readonly WordSet NowWords = new("now currently");

    /// <summary>Past participles that do not end in -ed or -en.</summary>
    private static readonly WordSet IrregularParticiples = new("""
        had been done made seen gone come got eaten taken become built caught taught won swum run begun brought bought
        found kept left lost met read said sent spent stood told thought heard felt learnt slept sat sung
        """);

    public static Tense Of(TextDocument document, int sentence) =>
        document.Memo(typeof(NarrativeTense), Classify) is var tenses && sentence >= 0 && sentence < tenses.Length ? tenses[sentence] : Tense.None;

    /// <summary>
    /// A sentence that reports something done, in the present perfect and not in a progressive or future form:
    /// "Their visit to the Post Office has been a great success", "Maple have been looking at farm animals".
    /// </summary>
    public static bool IsPerfect(TextDocument document, int sentence)
    {
        var perfect = false;
        foreach (var token in document.TokensOfSentence(sentence))
        {
            var next = document.At(token.Index + 1);
            if (FutureMarkers.Contains(token) || (token.Is("going") && next?.Is("to") == true) || (Be.Contains(token) && IsIng(next)))
            {
                return false;
            }
            // "have been", "have already said", "has just finished"
            var verb = next is not null && (next.Is("already") || next.Is("just") || next.Is("all") || next.Is("really") || next.Is("now")) ? document.At(token.Index + 2) : next;
            perfect |= Have.Contains(token) && verb?.Sentence == sentence && (IsParticiple(verb) || verb.Is("been"));
        }
        return perfect;
    }

    /// <summary>The tense of every sentence, indexed by sentence number (sentences without tokens are <see cref="Tense.None"/>).</summary>
    private static Tense[] Classify(TextDocument document)
    {
        var tokens = document.Tokens;
        var result = new Tense[tokens.Count == 0 ? 0 : tokens[^1].Sentence + 1];
        var i = 0;
        while (i < tokens.Count)
        {
            var sentence = tokens[i].Sentence;
            var first = i;
            while (i < tokens.Count && tokens[i].Sentence == sentence)
            {
                i++;
            }
            result[sentence] = ClassifySentence(document, first, i - 1);
        }
        return result;
    }

    private static Tense ClassifySentence(TextDocument document, int first, int last)
    {
        bool future = false, present = false, past = false;
        for (var k = first; k <= last; k++)
        {
            var token = document.Tokens[k];
            if (token.Is("am") && k > first && document.Tokens[k - 1].StartsWithDigit)
            {
                // "9:00 am", "10 am": the morning, not the verb.
                continue;
            }
            var next = k + 1 <= last ? document.Tokens[k + 1] : null;
            var afterNext = k + 2 <= last ? document.Tokens[k + 2] : null;
            // "children will need", "you need to bring" (not "Children in Need")
            var needs = (token.Is("need") || token.Is("needs")) && !token.IsCapitalised && next?.Is("to") == true;
            // "busy going to the library" is a journey told in the present, "going to visit" a plan; "to bring the ball down court" is no plan.
            var goingTo = token.Is("going") && next?.Is("to") == true && !IsJourneyObject(afterNext);
            var bareInfinitive = (token.Is("bring") || token.Is("wear")) && document.At(k - 1) is { } before && before.Is("to") && k - 1 >= first;
            // "After months of planning, 64 students boarded the coach": the noun, not a plan.
            var planningNoun = token.Is("planning") && k > first && document.Tokens[k - 1] is var beforePlanning && PlanningNounBefore.Contains(beforePlanning);
            if ((FutureMarkers.Contains(token) && !bareInfinitive && !planningNoun) || needs || goingTo || (token.Is("can't") && next?.Is("wait") == true)
                || (token.Is("looking") && next?.Is("forward") == true))
            {
                // "the girls were looking forward to their first tournament", "we would have been going on our trip": told afterwards.
                if ((token.Is("going") || token.Is("looking")) && IsAfterPastOfFuture(document, k, first))
                {
                    past = true;
                    k += token.Is("looking") && next?.Is("forward") == true ? 1 : 0;
                }
                else
                {
                    future = true;
                }
            }
            else if (Be.Contains(token) && (IsIng(next) || (next is not null && (NowWords.Contains(next) || next.Is("all") || next.Is("just") || next.Is("still")) && (IsIng(afterNext) || afterNext is not null))))
            {
                present = true;
            }
            else if (Have.Contains(token) && (IsParticiple(next) || (next is not null && (next.Is("just") || next.Is("now") || next.Is("all") || next.Is("already") || next.Is("really")) && IsParticiple(afterNext))))
            {
                present = true;
            }
            else if (NowWords.Contains(token) || (token.Is("as") && next is not null && (next.Is("i") || next.Is("we")) && afterNext is not null && (afterNext.Is("write") || afterNext.Is("type") || afterNext.Is("speak"))))
            {
                present = true;
            }
            else if (Be.Contains(token) || token.Is("it's") || token.Is("we're") || token.Is("they're") || token.Is("there's"))
            {
                present = true;
            }
            else if (PastMarkers.Contains(token) && (!token.IsCapitalised || IsOpeningThanks(token)))
            {
                past = true;
            }
            else if (!token.IsCapitalised && token.Stem.Length > 4 && token.Stem.EndsWith("ed", StringComparison.OrdinalIgnoreCase) && !IsAfterAuxiliary(document, k))
            {
                past = true;
            }
        }
        return future ? Tense.Future : present ? Tense.Present : past ? Tense.Past : Tense.None;
    }

    /// <summary>"Thank you to Brogdale Farm for hosting Year 2 on Monday": thanks are for what is done.</summary>
    private static bool IsOpeningThanks(Token token) => token.SentenceStart && (token.Is("thank") || token.Is("thanks"));

    /// <summary>"going to the library", "going to London": a destination, not a verb.</summary>
    private static bool IsJourneyObject(Token? token) =>
        token is not null && (token.IsCapitalised || token.Is("the") || token.Is("a") || token.Is("an") || token.Is("our") || token.Is("their")
            || token.Is("his") || token.Is("her") || token.Is("school") || token.Is("bed"));

    /// <summary>
    /// The tense of the verb nearest a word in its sentence, for a sentence that mixes tenses: "Their visit has been a
    /// great success and the arrival of Postman Pat on Thursday afternoon was a real treat" tells Thursday in the past.
    /// </summary>
    public static Tense NearestVerb(TextDocument document, int index)
    {
        var sentence = document.Tokens[index].Sentence;
        for (var distance = 1; distance <= 12; distance++)
        {
            foreach (var k in new[] { index + distance, index - distance })
            {
                if (document.At(k) is not { } token || token.Sentence != sentence)
                {
                    continue;
                }
                if (FutureMarkers.Contains(token) && !token.Is("bring") && !token.Is("wear"))
                {
                    return Tense.Future;
                }
                if (Be.Contains(token) || Have.Contains(token) || NowWords.Contains(token))
                {
                    return Tense.Present;
                }
                if ((!token.IsCapitalised || IsOpeningThanks(token)) && (PastMarkers.Contains(token) || (token.Stem.Length > 4 && token.Stem.EndsWith("ed", StringComparison.OrdinalIgnoreCase))) && !IsAfterAuxiliary(document, k))
                {
                    return Tense.Past;
                }
            }
        }
        return Tense.None;
    }

    private static bool IsAfterPastOfFuture(TextDocument document, int k, int first)
    {
        for (var j = k - 1; j >= first && j >= k - 3; j--)
        {
            if (PastOfFuture.Contains(document.Tokens[j]))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsAfterAuxiliary(TextDocument document, int k) =>
        document.At(k - 1) is { } before && (Be.Contains(before) || Have.Contains(before) || before.Is("be") || before.Is("been") || before.Is("get") || before.Is("very") || before.Is("so"));

    private static bool IsIng(Token? token) =>
        token is not null && !token.IsCapitalised && token.Stem.Length > 4 && token.Stem.EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    private static bool IsParticiple(Token? token) =>
        token is not null && !token.IsCapitalised
        && (IrregularParticiples.Contains(token) || (token.Stem.Length > 3 && (token.Stem.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || token.Stem.EndsWith("en", StringComparison.OrdinalIgnoreCase))));
}
