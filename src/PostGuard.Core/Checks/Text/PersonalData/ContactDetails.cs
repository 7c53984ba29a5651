using System.Text.RegularExpressions;

namespace PostGuard.Core.Checks.Text.PersonalData;

/// <summary>UK phone numbers and e-mail addresses: bounded patterns, run without backtracking (linear time).</summary>
public static class ContactDetails
{
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant;

    /// <summary>+44 or 0, then 9–10 more digits with spaces, dashes or brackets between groups.</summary>
    private static readonly Regex PhonePattern = new(@"(\+44[ ]?(\(0\)[ ]?)?|\(?0)[1-9][0-9 \-\)]{7,14}[0-9]", Linear);

    private static readonly Regex EmailPattern = new(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,24}", Linear);

    public static IEnumerable<(int Start, int Length)> PhoneNumbers(string text)
    {
        foreach (Match match in PhonePattern.Matches(text))
        {
            var digits = match.Value.Count(char.IsAsciiDigit);
            var national = match.Value.StartsWith("+44", StringComparison.Ordinal) ? digits - 2 + 1 : digits;
            // A UK number has 10 or 11 digits written nationally (with the leading 0).
            if (national is 10 or 11 && (match.Index == 0 || !char.IsAsciiDigit(text[match.Index - 1])) && (match.Index + match.Length >= text.Length || !char.IsAsciiDigit(text[match.Index + match.Length])))
            {
                yield return (match.Index, match.Length);
            }
        }
    }

    public static IEnumerable<(int Start, int Length, string Domain)> EmailAddresses(string text)
    {
        foreach (Match match in EmailPattern.Matches(text))
        {
            var at = match.Value.IndexOf('@', StringComparison.Ordinal);
            yield return (match.Index, match.Length, match.Value[(at + 1)..].ToLowerInvariant());
        }
    }
}
