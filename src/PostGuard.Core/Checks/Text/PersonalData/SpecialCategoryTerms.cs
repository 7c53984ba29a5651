using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.PersonalData;

/// <summary>
/// Special category and sensitive terms (UK GDPR Art. 9 and school safeguarding): health, allergies,
/// SEN/EHCP, medication, religion, ethnicity, sexuality, free school meals, child protection, looked-after.
/// They matter only next to a person ("Amelia, who has diabetes"), not in "Mental Health Awareness Week".
/// </summary>
public static class SpecialCategoryTerms
{
    /// <summary>Single words (lower case).</summary>
    public static readonly WordSet Words = new("""
        asthma asthmatic diabetes diabetic epilepsy epileptic seizure seizures autism autistic adhd add dyslexia dyslexic dyspraxia
        dyspraxic sen send ehcp ehc allergy allergies allergic anaphylaxis epipen inhaler medication medicine insulin cancer
        leukaemia chemotherapy surgery recovering unwell ill virus injury injured illness disability disabled wheelchair deaf blind diagnosis diagnosed therapy counselling camhs
        depression anxiety eating pregnant pregnancy miscarriage bereaved bereavement muslim jewish hindu sikh buddhist atheist
        catholic fasting baptism baptised christening christened ethnicity ethnic race gay lesbian bisexual transgender trans sexuality fsm safeguarding foster fostered adopted
        adoption refugee asylum immigration homeless poverty divorce divorced custody prison arrested police
        """);

    /// <summary>Phrases (lower-case word sequences).</summary>
    public static readonly string[][] Phrases =
    [
        ["free", "school", "meals"], ["pupil", "premium"], ["child", "protection"], ["looked", "after"], ["in", "care"],
        ["social", "worker"], ["special", "educational", "needs"], ["learning", "difficulty"], ["learning", "difficulties"],
        ["mental", "health"], ["hearing", "aid"], ["speech", "and", "language"], ["down", "syndrome"], ["down's", "syndrome"],
        ["cerebral", "palsy"], ["nut", "allergy"], ["care", "plan"], ["young", "carer"], ["in", "hospital"], ["recovering", "from"],
        ["recovers", "from"], ["passed", "away"], ["get", "well", "soon"], ["broken", "arm"], ["broken", "leg"], ["broken", "wrist"],
        ["broken", "ankle"], ["sick", "leave"], ["bar", "mitzvah"], ["bat", "mitzvah"],
        ["her", "operation"], ["his", "operation"], ["their", "operation"],
        ["celebrating", "eid"], ["celebrating", "diwali"], ["celebrating", "hanukkah"], ["celebrating", "passover"], ["celebrating", "vaisakhi"],
        ["celebrated", "eid"], ["celebrated", "diwali"], ["celebrated", "hanukkah"], ["celebrated", "passover"], ["celebrated", "vaisakhi"],
    ];

    /// <summary>Whether a special-category term starts at token <paramref name="i"/>; <paramref name="end"/> is its last token.</summary>
    private static readonly HashSet<string> PhraseStarts = new(Phrases.Select(p => p[0]), StringComparer.OrdinalIgnoreCase);

    public static bool At(TextDocument document, int i, out int end)
    {
        end = i;
        // A list may end the text ("mental health and"): there is no term after its last word.
        if (document.At(i) is null)
        {
            return false;
        }
        foreach (var phrase in PhraseStarts.Contains(document.Tokens[i].Word) ? Phrases : [])
        {
            var ok = true;
            for (var k = 0; k < phrase.Length && ok; k++)
            {
                ok = document.At(i + k) is { } t && string.Equals(t.Word, phrase[k], StringComparison.OrdinalIgnoreCase);
            }
            if (ok)
            {
                end = i + phrase.Length - 1;
                return true;
            }
        }
        var token = document.Tokens[i];
        // "ADD" and "SEN" only in capitals; "add" and "send" are verbs.
        if (token.Is("add") || token.Is("send") || token.Is("sen") || token.Is("trans") || token.Is("race"))
        {
            return token.IsAllCaps && !token.Is("race");
        }
        return Words.Contains(token);
    }
}
