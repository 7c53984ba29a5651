namespace PostGuard.Server.Web;

/// <summary>Each rule in the words of the school's policies, for people who do not know the rule numbers.</summary>
public static class RuleTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["R1"] = "A child in a photo or video without consent",
        ["R2"] = "Faces nobody accounts for",
        ["R3"] = "Faces too small to identify",
        ["R4"] = "Consent withdrawn",
        ["R5"] = "Staff in a photo or video without consent",
        ["R6"] = "Children's names",
        ["R7"] = "No people in photos or videos (strict policy)",
        ["R8"] = "Trip timing",
        ["R9"] = "Location data",
        ["R10"] = "Personal data",
        ["R11"] = "Links",
        ["R12"] = "Comments must be off",
        ["R13"] = "Not one of the school's channels",
        ["R15"] = "Language",
        ["R16"] = "Confidential or not yet public",
        ["ANALYSIS"] = "Analysis incomplete",
    };

    public static string For(string rule) => Titles.TryGetValue(rule, out var title) ? title : rule;
}
