using PostGuard.Core.Checks.Text.Names;
using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.PersonalData;

/// <summary>
/// Whether a span of the text is data about an identifiable person (UK GDPR Art. 9: "data concerning a natural
/// person"; the seeds: no "personally identifying information"): the span must be tied to a person by the sentence's
/// grammar, not only share a sentence with one. A person is a name the names finder found (pupil, staff or other), a
/// singular person noun with a determiner ("a pupil in Year 2", "my son", "a popular headteacher"), or he/she/his/her
/// once the post has named or described such a person. The ties read are: a possessor ("Noah's diagnosis", "her
/// operation"), a subject earlier in the same clause ("Evie has type 1 diabetes", "Isla, who is in hospital"), a
/// person right after the term ("get well soon, Poppy", "an autistic boy"). Not tied: a term that is the topic
/// ("talked to us about being blind"), a modifier of a service, role or event ("police officer", "SEN provision",
/// "special educational needs co-ordinator", "cancer charity"), or one whose nearest subject is a group ("children
/// with asthma", "those affected by this illness").
/// </summary>
public sealed class DataSubject
{
    /// <summary>How far back, in words, a clause's subject is looked for.</summary>
    private const int SubjectReach = 10;

    private static readonly WordSet PersonNouns = new("""
        pupil child boy girl son daughter student learner teacher headteacher headmaster headmistress head deputy caretaker chair principal carer
        brother sister mum mother dad father parent grandparent grandma grandad baby toddler man woman lady
        gentleman colleague governor friend classmate member officer assistant
        """);

    /// <summary>Not "your": "if your child needs medication" is every reader's child, no one person.</summary>
    private static readonly WordSet Determiners = new("a an one this that our my his her");

    private static readonly WordSet Pronouns = new("he she him her his");

    private static readonly WordSet Possessives = new("his her my");

    /// <summary>Subjects that are groups: a term after them is about no one person ("children with asthma").</summary>
    private static readonly WordSet Groups = new("children pupils students people everyone everybody those they we you all families parents staff classes");

    /// <summary>
    /// Words that end the clause a term's subject is looked for in: the term is then another clause's, or the topic of
    /// what was told, taught or held ("Mrs X ran a workshop on anxiety", "Amelia explained what Muslim families do").
    /// </summary>
    private static readonly WordSet ClauseBarriers = new("""
        about because but although though while whilst said says if than regarding
        told explained talked spoke shared presented described asked learning learnt learned taught teaching studied
        studying explored exploring discussed discussing lesson lessons workshop workshops talk talks assembly session
        sessions course training campaign event fundraiser fundraising research
        """);

    /// <summary>Roles one school has one of: "the headteacher" is an identifiable person without a name.</summary>
    private static readonly WordSet UniqueRoles = new("headteacher headmaster headmistress head deputy caretaker chair principal");

    /// <summary>Roles a contact number or address is given for: a person's line, not an office's.</summary>
    private static readonly WordSet ContactRoles = new("chair treasurer secretary clerk coordinator co-ordinator senco manager lead leader coach captain volunteer");

    /// <summary>
    /// The contact points whose published line is not one person's: "ring the school office on…", "the Immunisation Team
    /// on…". Not an institution's name alone ("Outdoor Learning Centre, Tel …" is held): only a contact point is read as
    /// the holder.
    /// </summary>
    private static readonly WordSet Organisations = new("office reception team helpline desk switchboard");

    /// <summary>How far back, in words, the holder of a contact number is looked for (a "Contact: …" block's lines included).</summary>
    private const int ContactReach = 15;

    /// <summary>
    /// Head nouns after a term that make it the modifier of a service, role, organisation or event, not someone's
    /// condition: "police officer", "SEN provision", "a centre of excellence for special educational needs".
    /// </summary>
    private static readonly WordSet ServiceHeads = new("""
        officer officers van vans car cars dog dogs helicopter station force co coordinator ordinator lead leads leader
        team teams teacher teachers nurse nurses provision support department unit service services charity charities
        research awareness week day month policy training assembly assemblies workshop workshops club group groups
        session sessions centre center school schools clinic ward specialist specialists worker workers network hub
        base resource resources register practitioner practitioners agency agencies
        """);

    private readonly TextDocument _document;
    private readonly bool[] _isName;
    private readonly bool[] _isPossessiveName;
    private readonly int _firstPerson;

    public DataSubject(TextDocument document, IReadOnlyList<PersonMention> mentions)
    {
        _document = document;
        _isName = new bool[document.Tokens.Count];
        _isPossessiveName = new bool[document.Tokens.Count];
        _firstPerson = int.MaxValue;
        foreach (var mention in mentions)
        {
            for (var k = mention.FirstToken; k <= mention.LastToken && k < _isName.Length; k++)
            {
                _isName[k] = true;
            }
            _isPossessiveName[mention.LastToken] = document.Tokens[mention.LastToken].IsPossessive;
            _firstPerson = Math.Min(_firstPerson, mention.FirstToken);
        }
        for (var i = 0; i < document.Tokens.Count && i < _firstPerson; i++)
        {
            if (IsSingularPersonNoun(i))
            {
                _firstPerson = i;
            }
        }
    }

    public bool IsName(int index) => index >= 0 && index < _isName.Length && _isName[index];

    /// <summary>Whether the term at tokens <paramref name="first"/>..<paramref name="last"/> is said about an identifiable person.</summary>
    public bool IsAboutAPerson(int first, int last)
    {
        if (IsModifierOfAService(last))
        {
            return false;
        }
        return HasPossessor(first) || HasSubject(first) || IsFollowedByPerson(last);
    }

    /// <summary>
    /// Whether the number at token <paramref name="index"/> is given as an organisation's line ("the school office on…",
    /// "the Immunisation Team on…", "box office … Phone:") with no person beside it. A number with no holder in reach,
    /// or with a person ("call Mrs Benjamin on…", "our attendance officer on…", "Contact: X Y, Headteacher … Tel:"),
    /// is a person's: the check holds it.
    /// </summary>
    public bool IsAnOrganisationsLine(int index)
    {
        var organisation = false;
        for (var k = index - 1; k >= index - ContactReach && k >= 0; k--)
        {
            var token = _document.Tokens[k];
            if (_isName[k] || PersonNouns.Contains(token) || ContactRoles.Contains(token) || Pronouns.Contains(token))
            {
                return false;
            }
            organisation |= Organisations.Contains(token);
            if (_document.Tokens[k].Gap.Contains("\n\n", StringComparison.Ordinal))
            {
                break;
            }
        }
        return organisation;
    }

    /// <summary>"Noah's diagnosis", "her operation", "his type 1 diabetes": a possessor at most three words before.</summary>
    private bool HasPossessor(int first)
    {
        var sentence = _document.Tokens[first].Sentence;
        for (var k = first - 1; k >= first - 4 && k >= 0; k--)
        {
            var token = _document.Tokens[k];
            if (token.Sentence != sentence)
            {
                return false;
            }
            if (_isPossessiveName[k] || (Possessives.Contains(token) && IsPronounWithAntecedent(k)))
            {
                return true;
            }
            if (IsBarrierAfter(k) || _isName[k] || Groups.Contains(token) || token.Is("their") || token.Is("the"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The nearest subject before the term in its clause is a person: "Evie has type 1 diabetes", "Mia, who uses a wheelchair".</summary>
    private bool HasSubject(int first)
    {
        var sentence = _document.Tokens[first].Sentence;
        for (var k = first - 1; k >= first - SubjectReach && k >= 0; k--)
        {
            var token = _document.Tokens[k];
            if (token.Sentence != sentence || IsBarrierAfter(k))
            {
                return false;
            }
            if (_isName[k] || IsSingularPersonNoun(k) || (Pronouns.Contains(token) && IsPronounWithAntecedent(k)))
            {
                return true;
            }
            // "PC Smith from the local police": a term after "the" is the institution or the thing, not an attribute.
            if (Groups.Contains(token) || ClauseBarriers.Contains(token) || (token.Is("the") && k >= first - 2))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>"Get well soon, Poppy", "get well soon to Isla", "an autistic boy", "diabetic Amelia".</summary>
    private bool IsFollowedByPerson(int last)
    {
        var next = last + 1;
        if (_document.IsWordAt(next, "to") && _document.Tokens[next].Gap.Trim().Length == 0)
        {
            next++;
        }
        var token = _document.At(next);
        if (token is null || token.Sentence != _document.Tokens[last].Sentence || token.Gap.Trim() is not ("" or ","))
        {
            return false;
        }
        return _isName[next] || (PersonNouns.Contains(token) && !token.Text.EndsWith('s'));
    }

    /// <summary>"police officer", "SEN provision", "special educational needs and disability co-ordinator".</summary>
    private bool IsModifierOfAService(int last)
    {
        var next = last + 1;
        // A list of terms before one head: "special educational needs and disability co-ordinator".
        while (_document.At(next) is { } joiner && joiner.Sentence == _document.Tokens[last].Sentence && (joiner.Is("and") || joiner.Is("or") || joiner.Is("&"))
            && SpecialCategoryTerms.At(_document, next + 1, out var end))
        {
            next = end + 1;
        }
        var head = _document.At(next);
        return head is not null && head.Sentence == _document.Tokens[last].Sentence && head.Gap.Trim().Length == 0 && ServiceHeads.Contains(head);
    }

    /// <summary>"a pupil", "one child in Year 2", "my son", "a hugely popular headteacher": one person, not "all pupils".</summary>
    private bool IsSingularPersonNoun(int index)
    {
        var token = _document.Tokens[index];
        if (!PersonNouns.Contains(token) || token.Text.EndsWith('s') && !token.IsPossessive)
        {
            return false;
        }
        for (var k = index - 1; k >= index - 3 && k >= 0 && _document.Tokens[k].Sentence == token.Sentence; k--)
        {
            if (Determiners.Contains(_document.Tokens[k]) || (_document.Tokens[k].Is("the") && UniqueRoles.Contains(token)))
            {
                return true;
            }
            if (IsBarrierAfter(k))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>He, she, his, her stand for an identifiable person only once the post has named or described one.</summary>
    private bool IsPronounWithAntecedent(int index) => _firstPerson < index;

    /// <summary>Punctuation between token <paramref name="k"/> and the next that ends a clause: ; : ( ) quotes, dashes.</summary>
    private bool IsBarrierAfter(int k)
    {
        var next = _document.At(k + 1);
        return next is not null && (next.Gap.AsSpan().IndexOfAny(";:()[]\"“”‘–—|") >= 0 || (next.Gap.Length > 1 && next.Gap.Trim() == "-"));
    }
}
