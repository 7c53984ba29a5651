using System.Runtime.CompilerServices;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Checks.Text.Locations;

/// <summary>
/// The school's own public address and town from the policy (R9 "the school's own public address may be allowed").
/// A mention is allowed when its words are one of the allowed entries or appear, in order, inside one
/// ("Church Road" and "TN25 6NU" inside "Church Road, Mersham, Ashford TN25 6NU").
/// </summary>
public sealed class AllowedPlaces
{
    private static readonly ConditionalWeakTable<SchoolPolicy, AllowedPlaces> Cache = [];

    private static readonly System.Text.RegularExpressions.Regex SchoolSuffix = new(
        @"( (primary|infants|infant|juniors|junior|nursery|academy|church|ce|cofe|rc|catholic|c of e|community|voluntary|aided|first|village))+( school)?$",
        System.Text.RegularExpressions.RegexOptions.NonBacktracking | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private readonly List<string> _entries;

    private AllowedPlaces(IEnumerable<string> entries)
    {
        _entries = [.. entries.Select(Normalise).Where(e => e.Length > 0)];
    }

    public static AllowedPlaces For(SchoolPolicy policy) => Cache.GetValue(policy, p => new AllowedPlaces(p.AllowedPlaces ?? []));

    public bool Allows(string mention)
    {
        if (_entries.Count == 0)
        {
            return false;
        }
        var words = Normalise(mention);
        if (words.Length == 0)
        {
            return false;
        }
        // The school named after its own place: "Maybury Primary School" where Maybury is allowed.
        var place = SchoolSuffix.Replace(words, "").Trim();
        return _entries.Exists(e => e == words || $" {e} ".Contains($" {words} ", StringComparison.Ordinal))
            || (place.Length > 0 && place != words && _entries.Exists(e => e == place || $" {e} ".Contains($" {place} ", StringComparison.Ordinal)));
    }

    private static string Normalise(string text) =>
        string.Join(' ', TextDocument.Parse(text).Tokens.Select(t => t.Stem.ToLowerInvariant()));
}
