namespace PostGuard.Core.Policy;

/// <summary>The channels PostGuard knows, and the consent use each one needs.</summary>
public static class Channels
{
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";
    public const string LinkedIn = "linkedin";
    public const string Website = "website";

    public static readonly IReadOnlyList<string> All = [Facebook, Instagram, LinkedIn, Website];

    public static bool IsKnown(string channel) => All.Contains(channel, StringComparer.Ordinal);

    /// <summary>Consent is given per use: the school website, or social media.</summary>
    public static string ConsentUse(string channel) => channel == Website ? "website" : "social-media";
}
