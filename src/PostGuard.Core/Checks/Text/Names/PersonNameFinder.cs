using System.Text.RegularExpressions;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.People;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// Finds people's names in a draft: register names (any case, possessives), staff with titles,
/// and first names from the public lexicon for children the register does not know. Shared by the
/// names check (R6/R7) and the personal-data check (R10, "near a person").
/// </summary>
public sealed class PersonNameFinder(TextLexicons lexicons)
{
    private FirstNameLexicon Lexicon => lexicons.FirstNames;
    private Gazetteer Places => lexicons.Gazetteer;

    /// <summary>Ministers' titles: a first name after them is a person's name ("Rev Allison Harding").</summary>
    private static readonly WordSet Clergy = new("rev revd reverend fr father canon pastor");

    /// <summary>Titles also written in lower case ("mr Scott"); "miss" is left out, it is also a verb.</summary>
    private static readonly WordSet LowerCaseTitles = new("mr mrs ms dr");

    private static readonly WordSet Titles = new("mr mrs miss ms mx dr sir dame prof professor rev revd reverend fr father canon madam madame mme mister");

    /// <summary>A capitalised word before one of these is a class, house, day, road or organisation, not a person: "Willow Class", "St George's Day".</summary>
    private static readonly WordSet NotAPersonAfter = new("""
        class classes group house houses team day week month term road street lane avenue close drive way crescent court
        school primary academy college church chapel cathedral hall centre center park gardens square trust foundation
        award awards cup trophy shield library ward building room festival fayre fair club fc united rovers city town
        county council theatre museum zoo castle farm beach woods forest bay hill island bridge station airport
        nursery infants juniors reserve valley river lake authority authorities service services council commission association society
        strides sahib birthday challenge tournament tournaments competition competitions league championship championships gala
        university villa cavern caves cave lodge hotel inn cafe café coffee restaurant concert residential trip visit country
        boys girls prep arts performing office company mine mines rd ave inc ltd plc limited holiday holidays
        """);

    /// <summary>Things and kin written with a capital after a word that is also a first name: "Care Home", "Tuck Shop", "Hi Mum".</summary>
    private static readonly WordSet ThingNouns = new("home homes shop shops games mum mummy dad daddy nan nanny grandma grandad kitchen");

    /// <summary>Endings of abstract nouns that English surnames do not have: "Senior Management", "Bay Adventure", "Fire Safety".</summary>
    private static readonly string[] AbstractNounEndings = ["ment", "ments", "ness", "tion", "tions", "sion", "sions", "ship", "ships", "ism", "ology", "ture", "tures", "ity"];

    /// <summary>
    /// A capitalised word that is a common noun, not a surname: a thing or kin word, a nation ("Roman Britain") or an
    /// abstract noun by its ending ("Management", "Adventure"). Words that are also names ("Clement") are left to the name rules.
    /// </summary>
    public static bool IsCommonNoun(Token token) =>
        ThingNouns.Contains(token) || UkRegions.Nations.Contains(token.Lower)
        || (!OrdinaryWordNames.Contains(token.Stem) && Array.Exists(AbstractNounEndings, e => token.Stem.Length > e.Length + 2 && token.Stem.EndsWith(e, StringComparison.OrdinalIgnoreCase)));

    /// <summary>A capitalised word after one of these is a saint, a monarch or a place: "St Mary's", "King Charles", "Mount Snowdon".</summary>
    private static readonly WordSet NotAPersonBefore = new("st saint santa san sainte notre king queen prince princess lord lady captain mount lake port fort cape loch river holy guru national pope");

    /// <summary>Story, faith and history figures that school posts name without naming a child.</summary>
    private static readonly WordSet StoryAndFaithFigures = new("""
        jesus christ god mary joseph gabriel moses herod isaiah elijah jonah goliath
        matilda wonka gruffalo aladdin cinderella goldilocks rapunzel pinocchio paddington peppa
        tudor tudors victorian victorians elizabethan georgian edwardian
        """);

    /// <summary>Words that say the capitalised word before them is a person: "Koa said", "Huw, who led".</summary>
    private static readonly WordSet SpeechVerbs = new("said says explained added commented told shared asked replied recalled remarked");

    /// <summary>Roles a person is introduced by: "our guide, Huw", "instructor Matt", "Matt (our instructor)".</summary>
    private static readonly WordSet Roles = new("""
        guide instructor instructors leader leaders teacher coach chef farmer driver caretaker cook librarian astronomer presenter
        volunteer helper correspondent reporter representative officer manager head headteacher principal chair governor
        """);

    /// <summary>Capitalised words that are never a person's name on their own.</summary>
    private static readonly WordSet NeverNames = new("""
        the a an our their this that these those year class reception nursery school team house we i you they it he she his her
        monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
        november december christmas easter harvest mr mrs miss ms dr sir bbc pgl assistant principal deputy headteacher head chair vice
        governors governor team office staff teachers vicar reverend kind regards best wishes thanks thank love dear well
        hi hello hey another early
        when where while what which why how if then there here once after before during
        today tomorrow yesterday tonight we're we've we'll they're they've it's there's let's
        """);

    /// <summary>Quantifiers the lexicon also lists as names: "All Welcome".</summary>
    private static readonly WordSet Quantifiers = new("all both some any");

    /// <summary>Articles before a capitalised word and a lower-case one make the capitalised word an adjective: "the Roman baths".</summary>
    private static readonly WordSet Articles = new("the a an");

    /// <summary>
    /// The first names this document writes as adjectives, computed once per document: after an article and before a
    /// lower-case word ("the Roman heritage", "a Roman soldier"). One word keeps one sense in a post, so "Roman Galley" and
    /// "Roman Empire" elsewhere in it are no child, unless the words around an occurrence say person.
    /// </summary>
    private HashSet<string> AdjectiveWords(TextDocument document) => document.Memo((this, "adjectives"), d =>
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = d.Tokens;
        for (var i = 1; i + 1 < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsCapitalised && !token.IsAllCaps && !token.IsPossessive && Lexicon.Contains(token.Stem) && tokens[i - 1] is { IsCapitalised: false } article
                && Articles.Contains(article) && article.Sentence == token.Sentence && token.JoinedBySpace
                && tokens[i + 1] is { IsCapitalised: false, StartsWithDigit: false, JoinedBySpace: true } noun && noun.Sentence == token.Sentence
                && !Determiners.Contains(noun) && !SpeechVerbs.Contains(noun) && !NameContext.IsNameContext(d, i, i, _ => false))
            {
                words.Add(token.Stem);
            }
        }
        return words;
    });

    /// <summary>"York 2018" or "Paris Trip 2019" on a line of its own: a title naming a trip or an event by its year.</summary>
    private static bool IsYearTitle(TextDocument document, int i)
    {
        var sentence = document.SentenceOf(i).ToList();
        return sentence.Count is >= 2 and <= 3 && sentence[^1] is { IsNumber: true, Text.Length: 4 } year && year.Text[0] is '1' or '2'
            && sentence.TrueForAll(t => t.IsCapitalised || t == year) && !document.Tokens[i].IsPossessive;
    }

    /// <summary>
    /// "Milton Keynes Prep School", "the Bee Netball Tournament": a first name that opens a run of two or three capitalised words
    /// ending in a thing's head (school, centre, tournament) names the thing, not a child.
    /// </summary>
    private static bool IsFirstWordOfThingName(TextDocument document, int i)
    {
        var token = document.Tokens[i];
        if (token.IsPossessive)
        {
            return false;
        }
        for (var k = i + 1; k <= i + 3 && document.At(k) is { IsCapitalised: true, JoinedBySpace: true, StartsWithDigit: false } word && word.Sentence == token.Sentence; k++)
        {
            if (k > i + 1 && IsThingWord(word))
            {
                return true;
            }
            if (word.IsPossessive)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Names take no article: "our Christian values", "the Will of the people".</summary>
    private static readonly WordSet Determiners = new("the a an our their your my his its this that these those every each");

    private static readonly WordSet TripWords = new("trip trips visit visits outing residential day");

    private static readonly WordSet LocativeWords = new("to in at from near visit visited visiting around towards into outside via explore explored exploring");

    /// <summary>The names in a document, computed once per document and register (several checks ask).</summary>
    public IReadOnlyList<PersonMention> Find(TextDocument document, PeopleRegister register) =>
        document.Memo((this, register), d => FindUncached(d, register));

    private IReadOnlyList<PersonMention> FindUncached(TextDocument document, PeopleRegister register)
    {
        var index = RegisterNameIndex.For(register);
        var mentions = new List<PersonMention>();
        var tokens = document.Tokens;
        var used = new bool[tokens.Count];

        bool IsStrongName(int i)
        {
            var token = document.At(i);
            if (token is null || !token.IsCapitalised)
            {
                return false;
            }
            return (Lexicon.Contains(token.Stem) && !OrdinaryWordNames.Contains(token.Stem) && !StoryAndFaithFigures.Contains(token))
                || (index.StartsAny(token) && index.At(document, i).Any(p => p.IsGiven && !OrdinaryWordNames.Contains(p.Words[0])));
        }

        void Add(PersonMentionKind kind, int first, int last, Person? person)
        {
            for (var k = first; k <= last; k++)
            {
                used[k] = true;
            }
            var start = tokens[first].Start;
            var end = tokens[last].Start + tokens[last].StemLength;
            mentions.Add(new PersonMention(kind, start, end - start, first, last, person));
        }

        // 0. Famous people and characters ("Walter Tull", "Carol Ann Duffy", "Romeo and Juliet") are nobody's pupils, and a first
        // name of theirs the post then writes alone ("Romeo climbs the wall") is the same character.
        var characters = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < tokens.Count; i++)
        {
            var length = FamousNames.LengthAt(tokens, i);
            for (var k = i; k < i + length; k++)
            {
                used[k] = true;
                if (tokens[k].IsCapitalised && Lexicon.Contains(tokens[k].Stem))
                {
                    characters.Add(tokens[k].Stem);
                }
            }
            i += Math.Max(0, length - 1);
        }
        MarkPublicFiguresBesideFamous(document, used);

        // 1. Titles: "Mrs Patel", "Mr J. Smith", "Miss Emma". Staff names, allowed or not by policy.
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (used[i] || !Titles.Contains(tokens[i]) || !(tokens[i].IsCapitalised || LowerCaseTitles.Contains(tokens[i])) || tokens[i].IsPossessive)
            {
                continue;
            }
            var j = i + 1;
            while (j < tokens.Count - 1 && tokens[j].Text.Length == 1 && char.IsUpper(tokens[j].Text[0]) && tokens[j].Sentence <= tokens[i].Sentence + 1)
            {
                j++;
            }
            var surname = tokens[j];
            if (surname.IsCapitalised && !surname.StartsWithDigit && !Titles.Contains(surname) && j - i <= 3 && tokens[j].Start - tokens[i].End <= 8)
            {
                var lastToken = j;
                // "Mrs Sarah Patel"
                if (document.At(j + 1) is { IsCapitalised: true, JoinedBySpace: true } more && !NotAPersonAfter.Contains(more) && !more.StartsWithDigit
                    && (index.At(document, j + 1).Any(p => p.Kind == NamePartKind.Last) || (Lexicon.Contains(surname.Stem) && !OrdinaryWordNames.Contains(more.Stem))))
                {
                    lastToken = j + 1;
                }
                var person = index.At(document, lastToken).FirstOrDefault(p => p.Kind == NamePartKind.Last && p.Person.Kind == PersonKind.Staff)?.Person;
                // "Rev. Yvonne", "Father Jeremy": a minister named by first name is a private person, not staff written with a title.
                var kind = person is null && Clergy.Contains(tokens[i]) && Lexicon.Contains(surname.Stem) && !StoryAndFaithFigures.Contains(surname)
                    ? lastToken > j ? PersonMentionKind.LexiconFullName : PersonMentionKind.LexiconFirstName
                    : PersonMentionKind.StaffName;
                Add(kind, i, lastToken, person);
                i = lastToken;
            }
        }

        // 2. Register names: full names first, then a first/known-as or last name alone.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || !index.StartsAny(tokens[i]))
            {
                continue;
            }
            var parts = index.At(document, i).ToList();
            if (parts.Count == 0)
            {
                continue;
            }
            var matched = false;
            foreach (var given in parts.Where(p => p.IsGiven))
            {
                var afterGiven = i + given.Words.Count;
                if (afterGiven >= tokens.Count || used[afterGiven] || !(tokens[afterGiven].JoinedBySpace))
                {
                    continue;
                }
                var surname = index.At(document, afterGiven).FirstOrDefault(p => p.Kind == NamePartKind.Last && p.Person.Id == given.Person.Id);
                if (surname is null)
                {
                    continue;
                }
                var last = afterGiven + surname.Words.Count - 1;
                // "will brown" in lower case is a verb and a colour; a real name has a capital or an unusual word.
                var plausible = tokens[i].IsCapitalised || tokens[afterGiven].IsCapitalised
                    || !OrdinaryWordNames.Contains(given.Words[0]) || !OrdinaryWordNames.Contains(surname.Words[0]);
                if (!plausible)
                {
                    continue;
                }
                Add(given.Person.Kind == PersonKind.Pupil ? PersonMentionKind.PupilFullName : PersonMentionKind.StaffName, i, last, given.Person);
                i = last;
                matched = true;
                break;
            }
            if (matched)
            {
                continue;
            }
            var part = parts[0];
            var lastOfPart = i + part.Words.Count - 1;
            if (!IsPlausibleSingleName(document, i, lastOfPart, part, IsStrongName))
            {
                continue;
            }
            var kind = part.Person.Kind == PersonKind.Staff
                ? PersonMentionKind.StaffName
                : part.IsGiven ? PersonMentionKind.PupilFirstName : PersonMentionKind.PupilLastName;
            Add(kind, i, lastOfPart, part.Person);
            i = lastOfPart;
        }

        var titledSurnames = mentions.Where(m => m.Kind == PersonMentionKind.StaffName).Select(m => tokens[m.LastToken].Stem).ToHashSet(StringComparer.OrdinalIgnoreCase);

        // 3. Lexicon first names the register does not know.
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i])
            {
                continue;
            }
            var token = tokens[i];
            if (!token.IsCapitalised || token.IsAllCaps || token.Stem.Length < 2 || !Lexicon.Contains(token.Stem)
                || StoryAndFaithFigures.Contains(token) || IsNotAPersonBefore(document, i)
                || IsNotAPersonAfter(document, i) && !(document.At(i + 1) is { } titled && titledSurnames.Contains(titled.Stem)) && !IsPersonAfterPair(document, i)
                || NotAPersonContext.IsNotAPerson(document, i, Lexicon.Contains)
                // "My Lighthouse": a determiner that is also a name in the lexicon ("My") is the determiner.
                || Determiners.Contains(token) && !token.IsPossessive
                // "the Roman baths", "our Poppy field"; "that" is also a conjunction: "we are sad that Fiona is leaving".
                || Determiners.Contains(document.At(i - 1)) && !document.IsWordAt(i - 1, "that")
                // "Battle of Hastings", "Duke of Edinburgh", "Isle of Wight": a title, not a child.
                || (document.IsWordAt(i - 1, "of") && document.At(i - 2) is { IsCapitalised: true })
                // "All Welcome!": a quantifier that the lexicon also lists as a name.
                || Quantifiers.Contains(token)
                // "Paris 2019" on a line of its own: a trip's or an event's title.
                || IsYearTitle(document, i)
                // "our Y8 residential (Quinta)": a centre named in brackets after the trip.
                || token.Gap.Contains('(', StringComparison.Ordinal) && document.At(i - 1) is { } tripNoun && TripWords.Contains(tripNoun) && tripNoun.Sentence == token.Sentence
                // "the river Dee", "Finlay park", "Kew Gardens, Richmond, TW9 3AE": a river, a place's lower-case head, an address line.
                || IsPlaceByItsNeighbours(document, i)
                // "their Times Tables Rock Stars avatar": four or more capitalised words inside a sentence name a thing.
                || IsInLongRunInsideSentence(document, i)
                // "Milton Keynes Prep School", "the Bee Netball Tournament": the first word of a thing's name.
                || IsFirstWordOfThingName(document, i) && !NameContext.IsNameContext(document, i, i, IsStrongName)
                // "the Roman baths" elsewhere in the post: "Roman Galley" and "Roman Empire" use the same word as an adjective.
                || AdjectiveWords(document).Contains(token.Stem) && !NameContext.IsNameContext(document, i, i, IsStrongName))
            {
                continue;
            }
            var next = document.At(i + 1);
            if (characters.Contains(token.Stem) && !(next is { IsCapitalised: true, JoinedBySpace: true } surname && surname.Sentence == token.Sentence))
            {
                continue;
            }
            // "went to Chester" is a place; "the ball went straight to Logan who scored" a person.
            if (Places.IsPlaceWord(token.Stem) && !(document.At(i + 1) is { IsCapitalised: false } actor && actor.Sentence == token.Sentence && PersonAfterPlaceWord.Contains(actor))
                && (LocativeWords.Contains(document.At(i - 1))
                // "spent at Brockholes, Preston": a town after a place named after "at".
                || token.Gap.Trim() == "," && document.At(i - 1) is { IsCapitalised: true } named && !Lexicon.Contains(named.Stem) && LocativeWords.Contains(document.At(i - 2))))
            {
                continue;
            }
            if (IsEndOfRoute(document, i))
            {
                continue;
            }
            // "at Tyne Cot", "in Chester", "headed back to Trent", "the MP for Skipton": a word the post puts someone at is
            // that place wherever it stands ("Chester was known as Deva", "Chester's walls"), unless the words around it say person.
            if (LocatedWords(document).Contains(token.Stem) && !NameContext.IsNameContext(document, i, i, IsStrongName)
                && !IsSpeechAfter(document, i) && !IsPersonAfterPair(document, i) && !IsRoleAfter(document, i) && !IsWrittenAsName(document, i, i))
            {
                used[i] = true;
                if (next is { IsCapitalised: true, JoinedBySpace: true } && LocatedWords(document).Contains(next.Stem) && next.Sentence == token.Sentence)
                {
                    used[i + 1] = true;
                    i++;
                }
                continue;
            }
            // "king Henry the 8th", "prince Albert", "queen Victoria": a monarch in any case ("our captain Noah" stays a child).
            if (document.At(i - 1) is { IsCapitalised: false } rank && rank.Sentence == token.Sentence && LowerCaseRanks.Contains(rank))
            {
                continue;
            }
            // "Pont du Gard", "Puy du Fou": a word after a particle inside a capitalised name is part of a place's name.
            if (document.At(i - 1) is { IsCapitalised: false } particle && NameParticles.Contains(particle) && particle.Sentence == token.Sentence
                && document.At(i - 2) is { IsCapitalised: true } head && head.Sentence == token.Sentence && !Lexicon.Contains(head.Stem))
            {
                continue;
            }
            // "a trip to Kent Life", "our visit to Chester Zoo": the object of a trip is a place.
            if (document.At(i - 1) is { } preposition && (preposition.Is("to") || preposition.Is("at")) && TripWords.Contains(document.At(i - 2)))
            {
                continue;
            }
            // "Victoria Park", "Beach Trip": a lexicon word inside a run of capitalised words or a short heading is part of a name of something.
            if (document.At(i - 1) is { IsCapitalised: true } runBefore && runBefore.Sentence == token.Sentence && token.JoinedBySpace && !used[runBefore.Index]
                && !runBefore.SentenceStart && !NameContext.IsNameContext(document, i, i, IsStrongName)
                && !(next is not null && (IsSurnameLike(document, next, used) || IsSurnameInContext(document, i, next, used))))
            {
                continue;
            }
            if (IsShortHeading(document, i) && !IsStrongName(i))
            {
                continue;
            }
            // "the new Star Wars film", "read the stories Errol's Garden and ...", "the song Jerusalem": a work's title.
            if (IsWorkTitle(document, i))
            {
                if (next is { IsCapitalised: true, JoinedBySpace: true } && next.Sentence == token.Sentence)
                {
                    used[next.Index] = true;
                }
                continue;
            }
            // "Claire Park" where "Mrs Park" is named too: a full name, not a park.
            if (next is not null && !used[next.Index] && next.JoinedBySpace && next.IsCapitalised && next.Sentence == token.Sentence && !token.IsPossessive
                && titledSurnames.Contains(next.Stem))
            {
                Add(PersonMentionKind.LexiconFullName, i, i + 1, null);
                i++;
                continue;
            }
            // "Tyne Cot" where the post also writes "Tyne Cot, the largest war cemetery": the place, wherever it stands.
            var namedThings = NotAPersonContext.GroupNameWords(document, IsThingWord, Lexicon.Contains).Named;
            if (namedThings.Contains(token.Stem) && next is { IsCapitalised: true, JoinedBySpace: true } && namedThings.Contains(next.Stem) && !NameContext.IsNameContext(document, i, i + 1, IsStrongName))
            {
                used[i] = used[i + 1] = true;
                i++;
                continue;
            }
            var ordinary = OrdinaryWordNames.Contains(token.Stem);
            // "Peter Casebow", "John Fennell": a first name that is also a word, before a surname, is a full name.
            var fullNameAhead = next is not null && (IsSurnameLike(document, next, used) || IsSurnameInContext(document, i, next, used)) && !token.IsPossessive && !IsHeading(document, i)
                && !LocativeWords.Contains(document.At(i - 1)) && !(document.At(i + 2) is { IsCapitalised: true } orgWord && (NotAPersonAfter.Contains(orgWord) || LocationFinder.VenueWords.Contains(orgWord)));
            if (ordinary && !fullNameAhead && !(OrdinaryWordNames.NamesFirst.Contains(token) && IsCapitalisedInsideSentence(document, i))
                && !NameContext.IsNameContext(document, i, i, IsStrongName))
            {
                continue;
            }
            if (NameContext.IsUsedAsMonth(document, i))
            {
                continue;
            }
            // "drawn with Chalkwell Hall and Alleyn Court": a first name that is also a venue or road word, after a capitalised
            // name, ends that name (a school, a house, a road), it is no one's first name.
            if (NotAPersonAfter.Contains(token) && token.JoinedBySpace && document.At(i - 1) is { IsCapitalised: true } owner && owner.Sentence == token.Sentence
                && !Titles.Contains(owner) && !owner.StartsWithDigit)
            {
                continue;
            }
            // "Olivia Thompson": a capitalised, non-ordinary word after a first name is a surname.
            if (next is not null && !used[next.Index] && next.JoinedBySpace && next.IsCapitalised && !next.IsAllCaps && !next.StartsWithDigit && next.Sentence == token.Sentence
                && !token.IsPossessive
                && (IsPersonAfterPair(document, i)
                    || ((!OrdinaryWordNames.Contains(next.Stem) && !Lexicon.Contains(next.Stem)) || IsSurnameInContext(document, i, next, used)) && !NotAPersonAfter.Contains(next)
                    && !StoryAndFaithFigures.Contains(next.Stem.TrimEnd('s')) && !IsCommonNoun(next)
                    && !Places.IsPlaceWord(next.Stem) && !IsNotAPersonAfter(document, next.Index)))
            {
                // "Marcus Brister-Thorne": a double-barrelled surname.
                var lastOfName = document.At(i + 2) is { IsCapitalised: true, JoinedByHyphen: true } ? i + 2 : i + 1;
                Add(PersonMentionKind.LexiconFullName, i, lastOfName, null);
                i = lastOfName;
                continue;
            }
            // "Ursuline stepped up" where the post also writes "Ursuline B team": the team, unless the words around say person.
            var groupNames = NotAPersonContext.GroupNameWords(document, IsThingWord, Lexicon.Contains);
            if (groupNames.Listed.Contains(token.Stem) || groupNames.Named.Contains(token.Stem) && !NameContext.IsNameContext(document, i, i, IsStrongName))
            {
                continue;
            }
            Add(PersonMentionKind.LexiconFirstName, i, i, null);
        }

        // 4a. A signature of initials and a surname on a line of its own, last or before a role: "A. Mandin", "A Rayner\nChair of
        // Governors", "P K McBride, Chair".
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!used[i] && IsInitial(tokens[i]) && (i == 0 || tokens[i].Gap.Contains('\n', StringComparison.Ordinal)))
            {
                var j = i + 1;
                while (j < tokens.Count - 1 && IsInitial(tokens[j]) && j - i < 3 && !tokens[j].Gap.Contains('\n', StringComparison.Ordinal))
                {
                    j++;
                }
                var surname = tokens[j];
                var after = document.At(j + 1);
                if (!used[j] && !surname.Gap.Contains('\n', StringComparison.Ordinal) && surname.IsCapitalised && !surname.IsAllCaps && surname.Stem.Length >= 2 && !NeverNames.Contains(surname)
                    && !Titles.Contains(surname) && !OrdinaryWordNames.Contains(surname.Stem) && !Places.IsPlaceWord(surname.Stem)
                    && (after is null || (after.Gap.Contains('\n', StringComparison.Ordinal) || after.Gap.Trim() == ",") && (CapitalisedRolesBeforeComma.Contains(after) || Roles.Contains(after))))
                {
                    Add(PersonMentionKind.LexiconFullName, i, j, null);
                    i = j;
                }
            }
        }

        // 4. Names no lexicon knows, written as names: "Koa said", "explained Shaaron Leverment", "our guide, Huw,",
        // "Matt (our instructor)", a signature on the last line or after "By".
        for (var i = 0; i < tokens.Count; i++)
        {
            if (used[i] || !IsUnknownNameCandidate(document, i))
            {
                continue;
            }
            var last = i;
            // "Vaila Wright, Support for Pupils Leader": a surname that is also a word counts before a comma and a role.
            if (document.At(i + 1) is { } surname && !used[surname.Index] && surname.JoinedBySpace && !surname.Gap.Contains('\n', StringComparison.Ordinal)
                && (IsUnknownNameCandidate(document, i + 1) || surname is { IsCapitalised: true, IsAllCaps: false } && OrdinaryWordNames.Contains(surname.Stem) && IsRoleAfter(document, i + 1)))
            {
                last = i + 1;
            }
            if (IsWrittenAsName(document, i, last))
            {
                Add(last > i ? PersonMentionKind.LexiconFullName : PersonMentionKind.LexiconFirstName, i, last, null);
                i = last;
            }
        }

        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    /// <summary>
    /// "the coast between Seaford and Hastings", "a walk from Crosby to Formby": a word at one end of a route whose other
    /// end is a place (and no first name) is a place too.
    /// </summary>
    private bool IsEndOfRoute(TextDocument document, int i)
    {
        bool IsPlace(Token? t) => t is { IsCapitalised: true } && Places.IsPlaceWord(t.Stem) && !Lexicon.Contains(t.Stem);
        var previous = document.At(i - 1);
        var next = document.At(i + 1);
        var sentence = document.Tokens[i].Sentence;
        // "... between Seaford and Hastings", "from Crosby to Formby": the second end.
        if (previous is not null && (previous.Is("and") || previous.Is("to")) && IsPlace(document.At(i - 2))
            && document.At(i - 3) is { } opener && opener.Sentence == sentence && (opener.Is("between") || opener.Is("from")))
        {
            return true;
        }
        // The first end: "from Crosby to Formby", and the route told backwards: "on our way back to Crosby from Dover".
        return previous is not null && previous.Sentence == sentence && next is not null && IsPlace(document.At(i + 2)) && document.At(i + 2)!.Sentence == sentence
            && ((previous.Is("from") || previous.Is("between")) && (next.Is("to") || next.Is("and")) || previous.Is("to") && next.Is("from"));
    }

    /// <summary>Words that put whoever is named after them at a place: "at", "in", "visited", "marched through".</summary>
    private static readonly WordSet PlacingWords = new("at in near into through visited visiting explored exploring around");

    /// <summary>Verbs whose "at" aims at a person: "thrown at Matt", "waved at Amelia".</summary>
    private static readonly WordSet AimedAt = new("thrown throw threw shouted laughed looked smiled waved aimed pointed fired passed squirted splashed");

    /// <summary>Whose name "... name is" gives: "My name is Rahel".</summary>
    private static readonly WordSet NameOwners = new("my his her");

    /// <summary>Movements and outings whose "to" leads to a place: "headed back to Trent", "a trip to Chester".</summary>
    private static readonly WordSet MotionBeforeTo = new("back headed heading went travelled traveled returned drove walked journeyed trip visit journey outing excursion");

    /// <summary>Seats a constituency names: "the MP for Skipton and Ripon".</summary>
    private static readonly WordSet Constituencies = new("mp msp mla mep ms am councillor");

    /// <summary>Royal ranks, in lower case too: "king Henry the 8th".</summary>
    private static readonly WordSet LowerCaseRanks = new("king queen prince princess");

    /// <summary>Particles inside foreign place names: "Pont du Gard", "Arc de Triomphe".</summary>
    private static readonly WordSet NameParticles = new("du de des la le di del della von");

    /// <summary>
    /// The words of names this document puts someone at, computed once per document: the capitalised run after "at", "in",
    /// "visited" ("at Humphrey Head", "visited Tyne Cot"), after "to" following a movement or outing ("headed back to Trent")
    /// and after "MP for" ("not to Chelsea" places nobody). Possessives ("at Lily's") and runs led by a
    /// word that is never a name ("in Year 6", "at Christmas") are left out; a run ends at a thing's head ("Sports Day").
    /// </summary>
    private HashSet<string> LocatedWords(TextDocument document) => document.Memo((this, "located"), d =>
    {
        var words = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var tokens = d.Tokens;
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            var opener = tokens[i];
            if (opener.IsCapitalised && !opener.SentenceStart)
            {
                continue;
            }
            var first = tokens[i + 1];
            if (!first.IsCapitalised || first.Sentence != opener.Sentence || first.StartsWithDigit || first.IsAllCaps || NeverNames.Contains(first) || Titles.Contains(first))
            {
                continue;
            }
            var placing = PlacingWords.Contains(opener) && !(opener.Is("at") && AimedAt.Contains(d.At(i - 1)))
                || opener.Is("to") && MotionBeforeTo.Contains(d.At(i - 1))
                || opener.Is("for") && Constituencies.Contains(d.At(i - 1));
            if (!placing)
            {
                continue;
            }
            var k = i + 1;
            for (; k <= i + 3 && d.At(k) is { IsCapitalised: true, StartsWithDigit: false } word && word.Sentence == opener.Sentence && (k == i + 1 || word.JoinedBySpace); k++)
            {
                if (word.IsPossessive || NeverNames.Contains(word))
                {
                    break;
                }
                words.Add(word.Stem);
                if (IsThingWord(word))
                {
                    break;
                }
            }
            // "the MP for Skipton and Ripon": both seats.
            if (opener.Is("for") && d.IsWordAt(k, "and") && d.At(k + 1) is { IsCapitalised: true, IsPossessive: false } seat && seat.Sentence == opener.Sentence)
            {
                words.Add(seat.Stem);
            }
        }
        return words;
    });

    /// <summary>Verbs of staging a show: the capitalised name right after one is the show ("perform Oliver!").</summary>
    private static readonly WordSet StagingVerbs = new("perform performed performing performs stage staged staging rehearse rehearsed rehearsing");

    /// <summary>Nouns for works: a capitalised name right after or before one is the work's title.</summary>
    private static readonly WordSet WorkNouns = new("film films movie movies book books song songs story stories poem poems novel series musical album hymn");

    /// <summary>
    /// "the stories Errol's Garden" (a work noun right before a two-word name), "the new Star Wars film" (a two-word name right
    /// before a lower-case work noun): a work's title, not a person.
    /// </summary>
    private static bool IsWorkTitle(TextDocument document, int i)
    {
        var token = document.Tokens[i];
        // "came together to perform Oliver!": the show a class performs.
        if (document.At(i - 1) is { IsCapitalised: false } staged && staged.Sentence == token.Sentence && StagingVerbs.Contains(staged) && !token.IsPossessive)
        {
            return true;
        }
        if (document.At(i + 1) is not { IsCapitalised: true, JoinedBySpace: true, IsAllCaps: false } second || second.Sentence != token.Sentence)
        {
            return false;
        }
        if (document.At(i - 1) is { IsCapitalised: false } before && before.Sentence == token.Sentence && WorkNouns.Contains(before) && document.IsWordAt(i - 2, "the"))
        {
            return true;
        }
        return !token.IsPossessive && !second.IsPossessive && document.At(i + 2) is { IsCapitalised: false, JoinedBySpace: true } after && after.Sentence == token.Sentence
            && WorkNouns.Contains(after);
    }

    private static bool IsThingWord(Token token) => NotAPersonAfter.Contains(token) || LocationFinder.VenueWords.Contains(token);

    private bool IsSurnameLike(TextDocument document, Token next, bool[] used) =>
        !used[next.Index] && next.JoinedBySpace && next.Sentence == document.Tokens[next.Index - 1].Sentence && next.IsCapitalised && !next.IsAllCaps && !next.StartsWithDigit
        && !OrdinaryWordNames.Contains(next.Stem) && !NotAPersonAfter.Contains(next) && !LocationFinder.VenueWords.Contains(next) && !IsCommonNoun(next)
        && !Places.IsPlaceWord(next.Stem) && !NeverNames.Contains(next) && !StoryAndFaithFigures.Contains(next);

    /// <summary>Words before a full name that make an ordinary-word surname a surname: "contact Jo Brown", "Head of School Tom Carver".</summary>
    private static readonly WordSet ContactBefore = new("contact email e-mail call ring phone speak school head headteacher teacher coach chair");

    /// <summary>"Jo Brown", "Tom Carver": a capitalised word that is also a word, made a surname by what surrounds the pair.</summary>
    private bool IsSurnameInContext(TextDocument document, int first, Token next, bool[] used)
    {
        if (used[next.Index] || !next.JoinedBySpace || next.Sentence != document.Tokens[first].Sentence || !next.IsCapitalised || next.IsAllCaps || next.StartsWithDigit || NotAPersonAfter.Contains(next)
            || LocationFinder.VenueWords.Contains(next) || NeverNames.Contains(next) || document.Tokens[first].SentenceStart && !IsSpeechAfter(document, next.Index))
        {
            return false;
        }
        var before = document.At(first - 1);
        return before is not null && before.Sentence == next.Sentence && ContactBefore.Contains(before) || IsSpeechAfter(document, next.Index)
            || IsRoleAfter(document, next.Index);
    }

    /// <summary>"Ray Cook (representative of ...)", "Sam Fielding, the guide who...": a role right after the pair says it is a person.</summary>
    private static bool IsRoleAfter(TextDocument document, int index)
    {
        var after = document.At(index + 1);
        if (after is null || after.Sentence != document.Tokens[index].Sentence || !(after.Gap.Contains('(', StringComparison.Ordinal) || after.Gap.Trim() == ","))
        {
            return false;
        }
        if (Roles.Contains(after) || !after.IsCapitalised && (after.Is("our") || after.Is("the") || after.Is("a")) && Roles.Contains(document.At(index + 2)))
        {
            return true;
        }
        // "Rob Day, PE co-ordinator", "Sam Hill, Year 6 teacher", "Zara Pulaski, Support for Pupils Leader" (ending its line): a
        // role a few words after the comma.
        if (after.Gap.Trim() != ",")
        {
            return false;
        }
        for (var k = index + 2; k <= index + 5 && document.At(k) is { } word && word.Sentence == after.Sentence && !word.Gap.Contains(',', StringComparison.Ordinal); k++)
        {
            var endsLine = document.At(k + 1) is not { } following || following.Gap.Contains('\n', StringComparison.Ordinal) || following.Gap.Contains('/', StringComparison.Ordinal);
            if ((!word.IsCapitalised || endsLine)
                && (Roles.Contains(word) || word.Is("coordinator") || word.Is("ordinator")))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// "Angela Hall, headteacher for both schools, said", "Jo Field said": a first name and a capitalised word followed by a
    /// role or a speech verb is a person's full name, even when the second word also heads a thing's name ("Hall", "Field").
    /// </summary>
    private static bool IsPersonAfterPair(TextDocument document, int first) =>
        document.At(first + 1) is { IsCapitalised: true, JoinedBySpace: true, IsAllCaps: false } second && second.Sentence == document.Tokens[first].Sentence
        && !document.Tokens[first].IsPossessive && (IsRoleAfter(document, second.Index) || IsSpeechAfter(document, second.Index));

    /// <summary>Kin before "of" and a name: "the parents of Sreya", "mum of Ellis".</summary>
    private static readonly WordSet KinBeforeOf = new("parents parent mum mummy mother dad daddy father family families grandparents carers brother sister son daughter");

    private static bool IsSpeechAfter(TextDocument document, int index) =>
        document.At(index + 1) is { } after && after.Sentence == document.Tokens[index].Sentence && SpeechVerbs.Contains(after) && !after.IsCapitalised;

    /// <summary>Lower-case words that name a water or a hill before its name: "the river Dee", "mount Snowdon".</summary>
    private static readonly WordSet LowerCasePlaceHeadsBefore = new("river mount loch lake");

    /// <summary>Lower-case heads of a place after its name: "Finlay park", "Sefton park".</summary>
    private static readonly WordSet LowerCasePlaceHeadsAfter = new("park farm woods wood forest beach bay reservoir lake river valley estate");

    /// <summary>
    /// A first name that is a place by the words beside it: after a lower-case "river" or "mount" ("the river Dee"), before a
    /// lower-case place head ("Finlay park"), or right before a postcode ("Kew Gardens, Richmond, TW9 3AE").
    /// </summary>
    private static bool IsPlaceByItsNeighbours(TextDocument document, int i)
    {
        var token = document.Tokens[i];
        if (token.IsPossessive)
        {
            return false;
        }
        if (document.At(i - 1) is { IsCapitalised: false } head && head.Sentence == token.Sentence && LowerCasePlaceHeadsBefore.Contains(head))
        {
            return true;
        }
        if (document.At(i + 1) is { IsCapitalised: false, JoinedBySpace: true } after && after.Sentence == token.Sentence && LowerCasePlaceHeadsAfter.Contains(after))
        {
            return true;
        }
        return LocationFinder.IsPostcodeAfter(document.Text, token.Start + token.Length);
    }

    /// <summary>
    /// A word in a run of four or more capitalised words, joined by spaces, that follows a lower-case word of the same sentence:
    /// "dressed as their Times Tables Rock Stars avatar". People's names are shorter; headings (all capitalised) are left to
    /// the heading rules.
    /// </summary>
    private static bool IsInLongRunInsideSentence(TextDocument document, int i)
    {
        var tokens = document.Tokens;
        var sentence = tokens[i].Sentence;
        bool InRun(int k) => k >= 0 && k < tokens.Count && tokens[k] is { IsCapitalised: true, StartsWithDigit: false } t && t.Sentence == sentence;
        var first = i;
        while (InRun(first - 1) && tokens[first].JoinedBySpace && !tokens[first - 1].IsPossessive)
        {
            first--;
        }
        var last = i;
        while (InRun(last + 1) && tokens[last + 1].JoinedBySpace && !tokens[last].IsPossessive)
        {
            last++;
        }
        return last - first >= 3 && document.At(first - 1) is { IsCapitalised: false, StartsWithDigit: false } before && before.Sentence == sentence
            && !Titles.Contains(tokens[first]);
    }

    /// <summary>Roman numerals after a monarch's or a pope's name: "Henry VIII", "John Paul II".</summary>
    private static readonly WordSet RegnalNumbers = new("ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi");

    /// <summary>
    /// Public figures the list does not know, told by the names beside them: a run of capitalised words before a regnal number
    /// ("Pope John Paul II", "Henry VIII"), and a full name in a comma list next to a famous one ("Harry Styles, Kurt Cobain,
    /// Elton John": "for example" lists of stars, authors or scientists). Marked as used, so no rule below reads them as a child.
    /// </summary>
    private static void MarkPublicFiguresBesideFamous(TextDocument document, bool[] used)
    {
        var tokens = document.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            if (tokens[i] is { IsAllCaps: true, JoinedBySpace: true } number && RegnalNumbers.Contains(number) && tokens[i - 1].IsCapitalised && !tokens[i - 1].IsAllCaps)
            {
                for (var k = i; k >= 0 && k >= i - 3 && tokens[k].IsCapitalised && tokens[k].Sentence == number.Sentence && (k == i || tokens[k + 1].JoinedBySpace); k--)
                {
                    used[k] = true;
                }
            }
        }
        // Left to right and back, so a famous name passes its public-ness along the list both ways.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i + 1 < tokens.Count; i++)
            {
                if (used[i] || used[i + 1] || !IsFullNameRun(tokens, i))
                {
                    continue;
                }
                // Only famous and regnal names are marked when this runs, so a marked neighbour is a public figure; it must be
                // inside the list too ("After Romeo and Juliet, Juliet Evans won" names a child).
                var sentence = tokens[i].Sentence;
                var before = i > 0 && tokens[i].Gap.Trim() == "," && used[i - 1] && tokens[i - 1].IsCapitalised && tokens[i - 1].Sentence == sentence
                    && IsListed(tokens, RunStart(tokens, used, i - 1), sentence);
                var after = i + 2 < tokens.Count && tokens[i + 2].Gap.Trim() == "," && used[i + 2] && tokens[i + 2].IsCapitalised && tokens[i + 2].Sentence == sentence
                    && RunEnd(tokens, used, i + 2) is var end && end + 1 < tokens.Count && tokens[end + 1].Sentence == sentence
                    && (tokens[end + 1].Gap.Trim() == "," || tokens[end + 1].Is("and"));
                if (before || after)
                {
                    used[i] = used[i + 1] = true;
                }
            }
        }
    }

    private static int RunStart(IReadOnlyList<Token> tokens, bool[] used, int k)
    {
        while (k > 0 && used[k - 1] && tokens[k].JoinedBySpace)
        {
            k--;
        }
        return k;
    }

    private static int RunEnd(IReadOnlyList<Token> tokens, bool[] used, int k)
    {
        while (k + 1 < tokens.Count && used[k + 1] && tokens[k + 1].JoinedBySpace)
        {
            k++;
        }
        return k;
    }

    /// <summary>The run starting at <paramref name="start"/> follows a comma of its sentence: it is an entry of a list.</summary>
    private static bool IsListed(IReadOnlyList<Token> tokens, int start, int sentence) =>
        start > 0 && tokens[start].Gap.Trim() == "," && tokens[start - 1].Sentence == sentence;

    /// <summary>Two capitalised words joined by a space, the second ending the run: "Kurt Cobain".</summary>
    private static bool IsFullNameRun(IReadOnlyList<Token> tokens, int i) =>
        tokens[i] is { IsCapitalised: true, IsAllCaps: false, IsPossessive: false, StartsWithDigit: false } && tokens[i + 1] is { IsCapitalised: true, IsAllCaps: false, JoinedBySpace: true, StartsWithDigit: false } second
        && second.Sentence == tokens[i].Sentence && !(i + 2 < tokens.Count && tokens[i + 2] is { IsCapitalised: true, JoinedBySpace: true });

    /// <summary>
    /// "helped Matt to celebrate", "gave it to Josh.": a capitalised word inside a sentence, after a lower-case word that is no
    /// article or determiner and before a lower-case word or the sentence's end; not in a heading.
    /// </summary>
    private static bool IsCapitalisedInsideSentence(TextDocument document, int i)
    {
        var token = document.Tokens[i];
        var previous = document.At(i - 1);
        var next = document.At(i + 1);
        return !token.SentenceStart && !token.IsPossessive && previous is { IsCapitalised: false, StartsWithDigit: false } && previous.Sentence == token.Sentence
            && !Determiners.Contains(previous) && !Articles.Contains(previous)
            && (next is null || next.Sentence != token.Sentence || !next.IsCapitalised && !next.StartsWithDigit);
    }

    /// <summary>A line of at most four words, all capitalised: a title ("Beach Trip").</summary>
    private static bool IsShortHeading(TextDocument document, int i)
    {
        var sentence = document.SentenceOf(i).ToList();
        return sentence.Count is >= 2 and <= 4 && sentence.TrueForAll(t => t.IsCapitalised || t.StartsWithDigit);
    }

    /// <summary>A line of three or more capitalised words is a heading: "Grace Before Meals".</summary>
    private static bool IsHeading(TextDocument document, int i)
    {
        var sentence = document.SentenceOf(i).ToList();
        return sentence.Count >= 3 && sentence.TrueForAll(t => t.IsCapitalised || t.StartsWithDigit);
    }

    private bool IsUnknownNameCandidate(TextDocument document, int i)
    {
        var token = document.Tokens[i];
        return token.IsCapitalised && !token.IsAllCaps && !token.StartsWithDigit && token.Stem.Length >= 2 && char.IsLetter(token.Stem[^1])
            && !NeverNames.Contains(token) && !Quantifiers.Contains(token) && !Titles.Contains(token) && (!OrdinaryWordNames.Contains(token.Stem) || Lexicon.Contains(token.Stem)) && !Places.IsPlaceWord(token.Stem)
            && !NotAPersonAfter.Contains(token) && !LocationFinder.VenueWords.Contains(token) && !StoryAndFaithFigures.Contains(token)
            && !Determiners.Contains(token) && !(document.At(i - 1) is { IsCapitalised: true } before && Titles.Contains(before))
            && !GroupNouns.Contains(token) && !IsCommonNoun(token) && !NotAPersonContext.IsNotAPerson(document, i, Lexicon.Contains);
    }

    /// <summary>Words after a first name that is also a town which make it the person: "to Logan who scored".</summary>
    private static readonly WordSet PersonAfterPlaceWord = new("who scored said saved passed shot won whose");

    /// <summary>Capitalised plural nouns that speak and act like people: "Visitors commented".</summary>
    private static readonly WordSet GroupNouns = new("""
        visitors guests judges spectators parents carers pupils children students staff everyone everybody governors teachers
        families friends players athletes runners competitors organisers volunteers leaders instructors residents members
        """);

    /// <summary>Capitalised roles written before a full name and a comma: "Chair of Governors, Sherridan Matthews".</summary>
    private static readonly WordSet CapitalisedRolesBeforeComma = new("governors headteacher head principal chair manager coordinator lead leader officer clerk secretary treasurer");

    /// <summary>"A", "P.": a capital letter alone, an initial.</summary>
    private static bool IsInitial(Token token) => token.Text.Length == 1 && char.IsUpper(token.Text[0]);

    /// <summary>Words before "by" that make the names after it a byline: "Written by Kearni, Rayan & Miss Clare".</summary>
    private static readonly WordSet BylineVerbs = new("written edited reported photos photographs pictures compiled posted published");

    /// <summary>The token starts a byline's list of names: "Written by Kearni, Rayan &amp; ...": after "written by" and any names and commas before it.</summary>
    private static bool IsInByline(TextDocument document, int first)
    {
        var j = first;
        for (var steps = 0; steps < 6 && document.At(j - 1) is { } previous && previous.Sentence == document.Tokens[first].Sentence; steps++)
        {
            if (previous.Is("by") && BylineVerbs.Contains(document.At(j - 2)))
            {
                return true;
            }
            var separator = document.Tokens[j].Gap.Trim();
            if (!previous.IsCapitalised || !(separator is "," or "&" || previous.Is("and")))
            {
                return false;
            }
            j = previous.Is("and") ? j - 2 : j - 1;
        }
        return false;
    }

    /// <summary>Last words of a letter's sign-off line: "Best wishes", "Kind regards", "Yours sincerely", "Many thanks".</summary>
    private static readonly WordSet SignOffEnds = new("wishes regards sincerely faithfully thanks");

    /// <summary>The line before <paramref name="first"/> is a sign-off of at most three words ("Best wishes", "Kind regards,").</summary>
    private static bool IsAfterSignOff(TextDocument document, int first)
    {
        if (!document.Tokens[first].Gap.Contains('\n', StringComparison.Ordinal) || document.At(first - 1) is not { } end || !SignOffEnds.Contains(end))
        {
            return false;
        }
        var words = document.SentenceOf(end.Index).Count();
        return words <= 3 && end.Sentence != document.Tokens[first].Sentence;
    }

    /// <summary>Kin and a birthday after a possessive name: "Zarek's birthday", "Tiwa's mum".</summary>
    private static readonly WordSet KinAfterPossessive = new("birthday mum mummy dad daddy mother father brother sister grandma grandad nan nanny grandpa family");

    /// <summary>A closing quotation mark, a line break and a dash: the gap before a quoted speaker's name.</summary>
    private static readonly Regex QuoteThenDash = new(@"[’”""']\s*\n\s*[-–—]\s*$", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static bool IsWrittenAsName(TextDocument document, int first, int last)
    {
        if (IsInByline(document, first))
        {
            return true;
        }
        var token = document.Tokens[first];
        var next = document.At(last + 1);
        var previous = document.At(first - 1);
        // "Koa said", "Matt (our instructor)"
        if (next is not null && next.Sentence == token.Sentence && (SpeechVerbs.Contains(next) && !next.IsCapitalised
            || next.Gap.Contains('(', StringComparison.Ordinal) && (next.Is("our") || next.Is("the")) && Roles.Contains(document.At(last + 2))))
        {
            return true;
        }
        // "explained Shaaron Leverment", "our guide, Huw,", "instructor Matt"
        if (previous is not null && previous.Sentence == token.Sentence && !previous.IsCapitalised && (SpeechVerbs.Contains(previous)
            || Roles.Contains(previous) && (next is null || next.Sentence != token.Sentence || next.Gap.Trim() is "," or "(" || !next.IsCapitalised)
            || (previous.Is("called") || previous.Is("named")) && Roles.Contains(document.At(first - 2))))
        {
            return true;
        }
        // "according to Claudi BenDavid": a source given by a first name and a surname is a person.
        if (previous is not null && last == first + 1 && previous.Is("to") && previous.Sentence == token.Sentence && document.IsWordAt(first - 2, "according")
            && document.Tokens[last].JoinedBySpace && !IsNotAPersonAfter(document, last))
        {
            return true;
        }
        // "My name is Rahel", "her name is Oluwaseun": a name given as one, whatever the word.
        if (previous is not null && previous.Is("is") && previous.Sentence == token.Sentence && document.IsWordAt(first - 2, "name")
            && document.At(first - 3) is { } owner && NameOwners.Contains(owner))
        {
            return true;
        }
        // "the parents of Sreya and Jyran"; not "parents of Gr. 6 & 7 students", a grade.
        if (previous is not null && previous.Is("of") && previous.Sentence == token.Sentence && KinBeforeOf.Contains(document.At(first - 2))
            && next is not { StartsWithDigit: true }
            && !IsNotAPersonAfter(document, last) && !(next is not null && next.Sentence == token.Sentence && next.IsCapitalised && next.JoinedBySpace))
        {
            return true;
        }
        // "Chair of Governors, Sherridan Matthews."
        if (previous is not null && last > first && previous.Sentence == token.Sentence && token.Gap.Trim() == "," && CapitalisedRolesBeforeComma.Contains(previous))
        {
            return true;
        }
        // "By Fin", "By Poppy, Year 2", "(by Ashlea Stevenson)", "- Lennon": a signature.
        if (previous is not null && (previous.Is("by") && (previous.SentenceStart || previous.Gap.Contains('\n', StringComparison.Ordinal) || previous.Gap.Contains('(', StringComparison.Ordinal))
            || token.SentenceStart && token.Gap.Contains('-', StringComparison.Ordinal) && document.Tokens[^1].Sentence == token.Sentence))
        {
            return true;
        }
        // "a celebration for Zarek's birthday", "with Tiwa's mum": a possessive before kin or a birthday, inside a sentence.
        if (last == first && token.IsPossessive && !token.SentenceStart && previous is { IsCapitalised: false } && previous.Sentence == token.Sentence
            && !Determiners.Contains(previous) && next is { IsCapitalised: false } && next.Sentence == token.Sentence && KinAfterPossessive.Contains(next))
        {
            return true;
        }
        // "Lighthouse by Zarek Pula from Handcross", "a painting by Tiwa in Year 2": a work's maker named with where they are from.
        if (previous is not null && previous.Is("by") && previous.Sentence == token.Sentence && next is not null && next.Sentence == token.Sentence
            && (next.Is("from") && document.At(last + 2) is { IsCapitalised: true } || next.Is("in") && NameContext.IsYearGroup(document, last + 2)))
        {
            return true;
        }
        // "Tiwa Oyelaran, Head Teacher", "Zara Pulaski, Support for Pupils Leader": two unknown capitalised words before a comma and a role.
        if (last == first + 1 && IsRoleAfter(document, last))
        {
            return true;
        }
        // "Best wishes / Zara Pulaski / Head Teacher": the line under a sign-off is its writer.
        if (token.SentenceStart && last <= first + 1 && (next is null || next.Gap.Contains('\n', StringComparison.Ordinal)) && IsAfterSignOff(document, first))
        {
            return true;
        }
        // "'The pumpkin is shaped like a sphere' / -Zara": a quote's speaker on the line under it.
        if (token.SentenceStart && QuoteThenDash.IsMatch(token.Gap) && last <= first + 1 && (next is null || next.Gap.Contains('\n', StringComparison.Ordinal)))
        {
            return true;
        }
        // A last line of one or two capitalised words: a signature ("Matt Warren").
        var lastToken = document.Tokens[^1];
        return token.SentenceStart && (next is null || next.Sentence != token.Sentence) && last == document.Tokens.Count - 1 && lastToken.Index == last
            && last > first;
    }

    private static bool IsNotAPersonAfter(TextDocument document, int index)
    {
        var next = document.At(index + 1);
        return next is not null && next.IsCapitalised && (NotAPersonAfter.Contains(next) || LocationFinder.VenueWords.Contains(next) || next.JoinedBySpace && IsCommonNoun(next))
            && !document.Tokens[index].IsPossessive;
    }

    /// <summary>"St Mary's", "King Charles", "Captain Tom": only when the word before is capitalised ("our captain Noah" is Noah).</summary>
    private static bool IsNotAPersonBefore(TextDocument document, int index) =>
        document.At(index - 1) is { IsCapitalised: true } previous && NotAPersonBefore.Contains(previous);

    private bool IsPlausibleSingleName(TextDocument document, int first, int last, RegisterNamePart part, Func<int, bool> isStrongName)
    {
        var token = document.Tokens[first];
        if (IsNotAPersonBefore(document, first) || IsNotAPersonAfter(document, last))
        {
            return false;
        }
        var ordinary = part.Words.Count == 1 && OrdinaryWordNames.Contains(part.Words[0]);
        if (ordinary && part.IsGiven && NameContext.IsNameContext(document, first, last, isStrongName))
        {
            return true;
        }
        if (Places.IsPlaceWord(token.Stem) && LocativeWords.Contains(document.At(first - 1)))
        {
            return false;
        }
        if (part.Kind == NamePartKind.Last)
        {
            // A surname alone counts only when written as a name and not an ordinary word.
            return token.IsCapitalised && !ordinary && (!token.SentenceStart || !Lexicon.Contains(token.Stem));
        }
        if (ordinary)
        {
            return NameContext.IsNameContext(document, first, last, isStrongName);
        }
        // Unusual given names count in any case: "amelia" is Amelia.
        return true;
    }
}
