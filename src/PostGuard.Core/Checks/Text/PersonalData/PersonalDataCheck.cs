using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text.PersonalData;

/// <summary>
/// R10: no personal or special category data: UK phone numbers, e-mail addresses (the school's own,
/// on an allow-listed domain, pass), dates of birth and birthdays said of a person, ages given with a name, home addresses, and
/// special category terms (health, SEN, religion, ethnicity, sexuality, safeguarding...) said about an
/// identifiable person (<see cref="DataSubject"/>): "Evie has type 1 diabetes", not "SEN provision".
/// </summary>
public sealed class PersonalDataCheck(PersonNameFinder names, LocationFinder locations) : IDraftCheck
{
    /// <summary>"2007-2011", "2010 to 2012" right after "born": an age group's years.</summary>
    private static readonly System.Text.RegularExpressions.Regex YearRange = new(@"^\s*(19|20)\d\d\s*(-|–|to|and)\s*(19|20)?\d\d\b",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.NonBacktracking);

    public const string Rule = "R10";

    private static readonly WordSet HomeWords = new("lives live living home house address");

    /// <summary>Ages written in words: "eight-year-old Ashley", "aged ten".</summary>
    private static readonly WordSet NumberWords = new("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen");

    /// <summary>"Care Home", "nursing home": a place people are visited at, not someone's home address.</summary>
    private static readonly WordSet InstitutionWords = new("care nursing residential retirement");

    public string Name => "text-personal-data";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        if (!policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var severity = policy.SeverityFor(Rule, Severity.Hold);
        var document = TextDocument.For(draft.Text);
        var text = document.Text;
        var findings = new TextFindingList(text);

        foreach (var (start, length, domain) in ContactDetails.EmailAddresses(text))
        {
            if (Links.LinkAllowList.IsAllowed(domain, policy.AllowedLinkDomains) || ContactDetails.IsRoleMailbox(text.Substring(start, length), domain))
            {
                continue;
            }
            findings.Add(Rule, severity, start, length, $"\"{text.Substring(start, length)}\" is an e-mail address; posts carry no personal contact details.",
                "Remove the address, or point to the school office's published contact page.", new JsonObject { ["dataKind"] = "email" });
        }
        var mentions = names.Find(document, draft.People);
        var subjects = new DataSubject(document, mentions);
        foreach (var (start, length) in ContactDetails.PhoneNumbers(text))
        {
            // A mobile is always someone's; a landline given as an office's or a service's line is the organisation's.
            if (!ContactDetails.IsMobile(text.Substring(start, length)) && document.TokenAtOrAfter(start) is { } first && subjects.IsAnOrganisationsLine(first.Index))
            {
                continue;
            }
            findings.Add(Rule, severity, start, length, $"\"{text.Substring(start, length)}\" is a phone number; posts carry no personal contact details.",
                "Remove the number (parents can find the school office's number on the website).", new JsonObject { ["dataKind"] = "phone" });
        }

        var people = mentions.Where(m => m.IsChildLike || m.IsFromRegister).ToList();
        var personSentences = new HashSet<int>(people.Select(p => document.Tokens[p.FirstToken].Sentence));
        var nameEnds = new HashSet<int>(mentions.Select(m => m.LastToken));
        var tokens = document.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var token = tokens[i];
            // Dates of birth: "DOB", "date of birth", "born on 3rd May 2016".
            // Not "runners born 2007-2011": a range of years is an age group, nobody's date of birth.
            if (token.Is("dob") || (token.Is("d") && document.Followed(i, "o", "b")) || (token.Is("date") && document.Followed(i, "of", "birth"))
                || (token.Is("born") && (document.IsWordAt(i + 1, "on") || document.At(i + 1)?.StartsWithDigit == true) && !YearRange.IsMatch(text.AsSpan(token.End))))
            {
                var last = Math.Min(i + 5, tokens.Count - 1);
                while (last > i && tokens[last].Sentence != token.Sentence)
                {
                    last--;
                }
                findings.Add(Rule, severity, token.Start, tokens[last].End - token.Start, $"\"{text[token.Start..tokens[last].End]}\" gives a date of birth.",
                    "Remove the date of birth.", new JsonObject { ["dataKind"] = "date-of-birth" });
                continue;
            }
            // A birthday said of a person gives the day they were born (with the publish date; with "7th", the year too):
            // "wish Lewis a happy birthday", "Edward's birthday", "birthday girl Lyla"; not a song sung or a school's birthday.
            if ((token.Is("birthday") || token.Is("birthdays")) && subjects.IsAboutAPerson(i, i))
            {
                findings.Add(Rule, severity, token.Start, token.End - token.Start, $"\"{text[token.Start..token.End]}\" said of a person tells the day they were born, part of their date of birth.",
                    "Remove the birthday (or the name).", new JsonObject { ["dataKind"] = "date-of-birth" });
                continue;
            }
            // Ages with names: "Amelia (7)", "Amelia, aged 7", "7-year-old Amelia", "Theo Marsh, 8, has...".
            var ageAfterName = token.IsNumber && token.Text.Length <= 2 && token.Gap.Trim() == "," && document.At(i + 1)?.Gap.TrimStart().StartsWith(',') == true
                && nameEnds.Contains(i - 1);
            var ageEnd = i;
            if (ageAfterName || (personSentences.Contains(token.Sentence) && IsAge(document, i, out ageEnd)))
            {
                findings.Add(Rule, severity, token.Start, tokens[ageEnd].End - token.Start, $"\"{text[token.Start..tokens[ageEnd].End]}\" gives the age of a named child.",
                    "Remove the age (or the name).", new JsonObject { ["dataKind"] = "age" });
                i = ageEnd;
                continue;
            }
            // "Cancer Research", "Diabetes UK", "Autism Awareness Week": a charity or an event, not someone's health.
            if (SpecialCategoryTerms.At(document, i, out var termEnd) && !IsPartOfProperName(document, subjects, i, termEnd))
            {
                if (subjects.IsAboutAPerson(i, termEnd))
                {
                    var quoted = text[token.Start..tokens[termEnd].End];
                    findings.Add(Rule, severity, token.Start, tokens[termEnd].End - token.Start,
                        $"\"{quoted}\" is special category or sensitive information about a person; posts never say this about anyone.",
                        $"Remove \"{quoted}\" or the person it is about.", new JsonObject { ["dataKind"] = "special-category" });
                }
                i = termEnd;
            }
        }

        // Home addresses: a street address in a sentence about where someone lives.
        foreach (var address in locations.Find(document, policy, LocationsCheck.NameTokens(document, mentions)).Where(l => l.Kind is LocationKind.StreetAddress or LocationKind.Postcode && !l.Allowed))
        {
            var token = document.TokenAtOrAfter(address.Start)!;
            if (document.SentenceOf(token.Index).Any(t => HomeWords.Contains(t) && !InstitutionWords.Contains(document.At(t.Index - 1))))
            {
                findings.Add(Rule, severity, address.Start, address.Length, $"\"{address.Text}\" looks like someone's home address.",
                    "Remove the address.", new JsonObject { ["dataKind"] = "home-address" });
            }
        }
        return ValueTask.FromResult(findings.ToList());
    }

    /// <summary>"Cancer Research", "Mental Health Awareness Week"; not "Get well soon Freddie" (a capital that is a person's name).</summary>
    private static bool IsPartOfProperName(TextDocument document, DataSubject subjects, int first, int last)
    {
        var token = document.Tokens[first];
        if (!token.IsCapitalised || token.IsAllCaps)
        {
            return false;
        }
        var next = document.At(last + 1);
        var previous = document.At(first - 1);
        return (next is { IsCapitalised: true, JoinedBySpace: true } && next.Sentence == token.Sentence && !subjects.IsName(next.Index))
            || (!token.SentenceStart && previous is { IsCapitalised: true } && document.Tokens[first].JoinedBySpace && !previous.SentenceStart);
    }

    private static bool IsAge(TextDocument document, int i, out int end)
    {
        end = i;
        var token = document.Tokens[i];
        // "who is 9", "who is now 10"
        if (token.Is("who") && document.IsWordAt(i + 1, "is") && document.At(i + 2) is { } age && (age.IsNumber || (age.Is("now") && document.At(i + 3)?.IsNumber == true)))
        {
            end = age.IsNumber ? i + 2 : i + 3;
            return document.Tokens[end].Text.Length <= 2;
        }
        // "aged 7", "aged eight"
        if (token.Is("aged") && document.At(i + 1) is { } n && (n.IsNumber && n.Text.Length <= 2 || NumberWords.Contains(n)))
        {
            end = i + 1;
            return true;
        }
        // "7 years old", "7-year-old", "eight-year-old"
        if ((token.IsNumber && token.Text.Length <= 2 || NumberWords.Contains(token)) && document.At(i + 1) is { } years && (years.Is("year") || years.Is("years") || years.Is("yr") || years.Is("yrs")) && document.IsWordAt(i + 2, "old"))
        {
            end = i + 2;
            return true;
        }
        // "7 today", "turns 7", "turned 10"
        if (token.IsNumber && token.Text.Length <= 2 && (document.IsWordAt(i + 1, "today") || document.IsWordAt(i - 1, "turns") || document.IsWordAt(i - 1, "turned") || document.IsWordAt(i - 1, "turning")))
        {
            end = document.IsWordAt(i + 1, "today") ? i + 1 : i;
            return true;
        }
        // "Amelia (7)"
        if (token.IsNumber && token.Text.Length <= 2 && token.Gap.EndsWith('(') && i + 1 < document.Tokens.Count + 1 && document.Text.Length > token.End && document.Text[token.End] == ')')
        {
            return true;
        }
        return false;
    }
}
