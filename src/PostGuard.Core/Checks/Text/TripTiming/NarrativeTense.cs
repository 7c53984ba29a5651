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
        """);

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
        foreach (var token in document.Tokens.Where(t => t.Sentence == sentence))
        {
            var next = document.At(token.Index + 1);
            if (FutureMarkers.Contains(token) || (token.Is("going") && next?.Is("to") == true) || (Be.Contains(token) && IsIng(next)))
            {
                return false;
            }
            perfect |= Have.Contains(token) && next?.Sentence == sentence && (IsParticiple(next) || next.Is("been"));
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
            var next = k + 1 <= last ? document.Tokens[k + 1] : null;
            var afterNext = k + 2 <= last ? document.Tokens[k + 2] : null;
            // "children will need", "you need to bring" (not "Children in Need")
            var needs = (token.Is("need") || token.Is("needs")) && !token.IsCapitalised && next?.Is("to") == true;
            if (FutureMarkers.Contains(token) || needs || (token.Is("going") && next?.Is("to") == true) || (token.Is("can't") && next?.Is("wait") == true)
                || (token.Is("looking") && next?.Is("forward") == true))
            {
                future = true;
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
            else if (PastMarkers.Contains(token) && !token.IsCapitalised)
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

    private static bool IsAfterAuxiliary(TextDocument document, int k) =>
        document.At(k - 1) is { } before && (Be.Contains(before) || Have.Contains(before) || before.Is("be") || before.Is("been") || before.Is("get") || before.Is("very") || before.Is("so"));

    private static bool IsIng(Token? token) =>
        token is not null && !token.IsCapitalised && token.Stem.Length > 4 && token.Stem.EndsWith("ing", StringComparison.OrdinalIgnoreCase);

    private static bool IsParticiple(Token? token) =>
        token is not null && !token.IsCapitalised
        && (IrregularParticiples.Contains(token) || (token.Stem.Length > 3 && (token.Stem.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || token.Stem.EndsWith("en", StringComparison.OrdinalIgnoreCase))));
}
