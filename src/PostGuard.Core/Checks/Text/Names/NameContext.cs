using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// Whether the words around a token make it a person's name: "well done to Grace", "Will in Year 3",
/// "Hope (Y4)", "Joy scored". Words like May, Grace or Will count as names only with such a context;
/// "May half term" and "Grace before lunch" have none.
/// </summary>
public static class NameContext
{
    private static readonly WordSet PraiseBeforeTo = new("done congratulations congrats thanks you out goes go went awarded presented given birthday welcome");
    private static readonly WordSet PraiseBeforeComma = new("you done congratulations congrats thanks bravo soon hello hi");
    private static readonly WordSet PersonalBefore = new("congratulations congrats bravo dear love thanks");
    private static readonly WordSet PersonalVerbsAfter = new("""
        scored won wins said says received receives achieved came played performed wrote sang danced managed completed
        finished swam ran earned collected raised showed impressed represented helped who aged
        learned learnt read painted drew made built baked brought designed presented took became became
        met felt thought taught gave welcomed joined led
        """);
    private static readonly WordSet PersonalNounsAfterPossessive = new("""
        mum mummy dad daddy mother father brother sister family grandma grandad nan nanny grandpa birthday painting poem
        story drawing work picture project design artwork idea house friend friends class teacher
        """);
    private static readonly WordSet MonthPrepositions = new("in from until till since during before after of by this next last early late mid end start beginning throughout");
    private static readonly WordSet MonthFollowers = new("half halfterm term holiday holidays bank fair fayre day days");

    /// <summary>"May" used as a month: next to a number, after "in"/"from"/"this", before "half term".</summary>
    public static bool IsUsedAsMonth(TextDocument document, int index)
    {
        var token = document.Tokens[index];
        if (!OrdinaryWordNames.Months.Contains(token))
        {
            return false;
        }
        var previous = document.At(index - 1);
        var next = document.At(index + 1);
        return (previous is not null && (previous.StartsWithDigit || MonthPrepositions.Contains(previous)))
            || (next is not null && (next.StartsWithDigit || MonthFollowers.Contains(next)));
    }

    /// <summary>True when the token at <paramref name="index"/> (ending at <paramref name="lastIndex"/>) reads as a person's name.</summary>
    public static bool IsNameContext(TextDocument document, int index, int lastIndex, Func<int, bool> isStrongName)
    {
        if (IsUsedAsMonth(document, index))
        {
            return false;
        }
        var token = document.Tokens[index];
        var last = document.Tokens[lastIndex];
        var previous = document.At(index - 1);
        var next = document.At(lastIndex + 1);
        var sameSentencePrevious = previous is not null && previous.Sentence == token.Sentence ? previous : null;
        var sameSentenceNext = next is not null && next.Sentence == last.Sentence ? next : null;

        if (sameSentencePrevious is not null)
        {
            if (sameSentencePrevious.Is("to") && PraiseBeforeTo.Contains(document.At(index - 2)))
            {
                return true;
            }
            if (PersonalBefore.Contains(sameSentencePrevious) && token.IsCapitalised)
            {
                return true;
            }
            // Direct address: "Thank you, Ruby, for...", "Well done, Grace!", "Get well soon, Poppy!"
            if (token.IsCapitalised && token.Gap.Trim() == "," && index == lastIndex
                && (PraiseBeforeComma.Contains(sameSentencePrevious) || (document.Text.Length > last.End && document.Text[last.End] is '!' or ',')))
            {
                return true;
            }
            // A list of names: "Amelia, Grace and Will".
            if ((sameSentencePrevious.Is("and") || sameSentencePrevious.Is("&") || token.Gap.Trim() == ",") && isStrongName(sameSentencePrevious.Index))
            {
                return token.IsCapitalised;
            }
        }
        if (sameSentenceNext is not null)
        {
            // "Jack W. in Year 2", "Grace O." : a surname initial.
            if (token.IsCapitalised && sameSentenceNext.Text.Length == 1 && char.IsUpper(sameSentenceNext.Text[0]) && document.Text.Length > sameSentenceNext.End && document.Text[sameSentenceNext.End] == '.')
            {
                return true;
            }
            if (last.IsPossessive && PersonalNounsAfterPossessive.Contains(sameSentenceNext) && token.IsCapitalised)
            {
                return true;
            }
            if (!last.IsPossessive && token.IsCapitalised && PersonalVerbsAfter.Contains(sameSentenceNext) && !sameSentenceNext.IsCapitalised)
            {
                return true;
            }
            // "Harry (7)", "Hope (Y4)"
            if (sameSentenceNext.Gap.Contains('(', StringComparison.Ordinal) && (IsYearGroup(document, sameSentenceNext.Index) || (sameSentenceNext.IsNumber && sameSentenceNext.Text.Length <= 2)))
            {
                return true;
            }
            if ((sameSentenceNext.Is("in") || sameSentenceNext.Is("from")) && IsYearGroup(document, sameSentenceNext.Index + 1) && token.IsCapitalised)
            {
                return true;
            }
            // "Jack from Ash Class", "Ruby in Willow Class"
            if ((sameSentenceNext.Is("in") || sameSentenceNext.Is("from")) && token.IsCapitalised && document.At(sameSentenceNext.Index + 1) is { IsCapitalised: true }
                && document.IsWordAt(sameSentenceNext.Index + 2, "class"))
            {
                return true;
            }
            if ((sameSentenceNext.Is("and") || sameSentenceNext.Is("&")) && isStrongName(sameSentenceNext.Index + 1) && token.IsCapitalised)
            {
                return true;
            }
            if (sameSentenceNext.Gap.Trim() == "," && isStrongName(sameSentenceNext.Index) && token.IsCapitalised)
            {
                return true;
            }
            // "Poppy has been chosen", "Grace was awarded": a passive about a person.
            if (token.IsCapitalised && !last.IsPossessive && (sameSentenceNext.Is("has") || sameSentenceNext.Is("was") || sameSentenceNext.Is("is")))
            {
                var verbIndex = document.IsWordAt(sameSentenceNext.Index + 1, "been") ? sameSentenceNext.Index + 2 : sameSentenceNext.Index + 1;
                if (document.At(verbIndex) is { } verb && !verb.IsCapitalised && verb.Stem.Length > 3 && (verb.Stem.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || verb.Stem.EndsWith("en", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>"Year 4", "Y4", "Yr 6", "Reception", "Class 3".</summary>
    public static bool IsYearGroup(TextDocument document, int index)
    {
        var token = document.At(index);
        if (token is null)
        {
            return false;
        }
        if ((token.Is("year") || token.Is("yr") || token.Is("class")) && document.At(index + 1)?.StartsWithDigit == true)
        {
            return true;
        }
        return token.Is("reception") || token.Is("nursery")
            || (token.Text.Length is 2 or 3 && token.Text[0] is 'Y' or 'y' && token.Text[1..].All(char.IsAsciiDigit))
            // "P7": a Scottish primary year.
            || (token.Text.Length == 2 && token.Text[0] == 'P' && token.Text[1] is >= '1' and <= '7');
    }
}
