namespace PostGuard.Core.Checks.Text.Language;

public enum OffensiveCategory
{
    Abusive,
    Threatening,
    Racist,
    Homophobic,
    Disablist,
    Defamatory,
}

/// <summary>
/// A modest, professional list of terms a school's official post should never contain (R15). Single
/// words are matched on normalised whole tokens (never inside another word: no Scunthorpe problem);
/// phrases as normalised word sequences.
/// </summary>
public static class OffensiveTerms
{
    public static readonly IReadOnlyDictionary<string, OffensiveCategory> Words = new Dictionary<string, OffensiveCategory>(StringComparer.Ordinal)
    {
        ["fuck"] = OffensiveCategory.Abusive, ["fucking"] = OffensiveCategory.Abusive, ["fucked"] = OffensiveCategory.Abusive, ["fucker"] = OffensiveCategory.Abusive,
        ["motherfucker"] = OffensiveCategory.Abusive, ["shit"] = OffensiveCategory.Abusive, ["shite"] = OffensiveCategory.Abusive, ["bullshit"] = OffensiveCategory.Abusive,
        ["cunt"] = OffensiveCategory.Abusive, ["bloody"] = OffensiveCategory.Abusive, ["bastard"] = OffensiveCategory.Abusive, ["bitch"] = OffensiveCategory.Abusive, ["twat"] = OffensiveCategory.Abusive,
        ["wanker"] = OffensiveCategory.Abusive, ["arsehole"] = OffensiveCategory.Abusive, ["asshole"] = OffensiveCategory.Abusive,
        ["dickhead"] = OffensiveCategory.Abusive, ["bollocks"] = OffensiveCategory.Abusive, ["piss"] = OffensiveCategory.Abusive,
        ["slut"] = OffensiveCategory.Abusive, ["whore"] = OffensiveCategory.Abusive, ["scum"] = OffensiveCategory.Abusive, ["scumbag"] = OffensiveCategory.Abusive,
        ["idiot"] = OffensiveCategory.Abusive, ["idiots"] = OffensiveCategory.Abusive, ["moron"] = OffensiveCategory.Abusive, ["morons"] = OffensiveCategory.Abusive,
        ["imbecile"] = OffensiveCategory.Abusive, ["cretin"] = OffensiveCategory.Abusive,
        ["nigger"] = OffensiveCategory.Racist, ["nigga"] = OffensiveCategory.Racist, ["paki"] = OffensiveCategory.Racist, ["pakis"] = OffensiveCategory.Racist,
        ["chink"] = OffensiveCategory.Racist, ["gook"] = OffensiveCategory.Racist, ["wog"] = OffensiveCategory.Racist, ["kike"] = OffensiveCategory.Racist,
        ["gyppo"] = OffensiveCategory.Racist, ["pikey"] = OffensiveCategory.Racist, ["raghead"] = OffensiveCategory.Racist, ["towelhead"] = OffensiveCategory.Racist,
        ["spic"] = OffensiveCategory.Racist, ["golliwog"] = OffensiveCategory.Racist,
        ["faggot"] = OffensiveCategory.Homophobic, ["fag"] = OffensiveCategory.Homophobic, ["fags"] = OffensiveCategory.Homophobic, ["poof"] = OffensiveCategory.Homophobic,
        ["poofter"] = OffensiveCategory.Homophobic, ["tranny"] = OffensiveCategory.Homophobic, ["lezza"] = OffensiveCategory.Homophobic,
        ["retard"] = OffensiveCategory.Disablist, ["retarded"] = OffensiveCategory.Disablist, ["spastic"] = OffensiveCategory.Disablist, ["spaz"] = OffensiveCategory.Disablist,
        ["mong"] = OffensiveCategory.Disablist, ["cripple"] = OffensiveCategory.Disablist,
        ["paedo"] = OffensiveCategory.Defamatory, ["pedo"] = OffensiveCategory.Defamatory, ["paedophile"] = OffensiveCategory.Defamatory, ["nonce"] = OffensiveCategory.Defamatory,
    };

    /// <summary>Phrases as normalised words: threats, and accusations against a person.</summary>
    public static readonly IReadOnlyList<(string[] Words, OffensiveCategory Category)> Phrases =
    [
        (["kill", "you"], OffensiveCategory.Threatening), (["kill", "him"], OffensiveCategory.Threatening), (["kill", "her"], OffensiveCategory.Threatening),
        (["kill", "them"], OffensiveCategory.Threatening), (["hurt", "you"], OffensiveCategory.Threatening), (["you're", "dead"], OffensiveCategory.Threatening),
        (["you", "are", "dead"], OffensiveCategory.Threatening), (["watch", "your", "back"], OffensiveCategory.Threatening),
        (["smash", "your"], OffensiveCategory.Threatening), (["beat", "you", "up"], OffensiveCategory.Threatening), (["punch", "you"], OffensiveCategory.Threatening),
        (["is", "a", "liar"], OffensiveCategory.Defamatory), (["is", "a", "thief"], OffensiveCategory.Defamatory), (["is", "a", "fraud"], OffensiveCategory.Defamatory),
        (["is", "a", "crook"], OffensiveCategory.Defamatory), (["is", "a", "drunk"], OffensiveCategory.Defamatory),
        (["is", "incompetent"], OffensiveCategory.Defamatory), (["stole", "money"], OffensiveCategory.Defamatory), (["stealing", "money"], OffensiveCategory.Defamatory),
        (["fiddling", "the", "books"], OffensiveCategory.Defamatory), (["go", "back", "to", "your", "own", "country"], OffensiveCategory.Racist),
        (["shut", "up"], OffensiveCategory.Abusive), (["that's", "so", "gay"], OffensiveCategory.Homophobic),
    ];
}
