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

    /// <summary>"07700 900123", "+44 7700 900456": a UK mobile, always one person's.</summary>
    public static bool IsMobile(string number)
    {
        var digits = new string([.. number.Where(char.IsAsciiDigit)]);
        return digits.StartsWith("07", StringComparison.Ordinal) || digits.StartsWith("447", StringComparison.Ordinal) || digits.StartsWith("4407", StringComparison.Ordinal);
    }

    /// <summary>Public bodies' domains: a mailbox there belongs to the body, not to someone privately.</summary>
    private static readonly string[] InstitutionalSuffixes = [".sch.uk", ".gov.uk", ".nhs.uk", ".ac.uk", ".police.uk"];

    /// <summary>Words a role or office mailbox is made of ("office@", "ChairofGovernors@", "head.teacher@").</summary>
    private static readonly string[] RoleWords =
    [
        "office", "admin", "enquiries", "enquiry", "info", "head", "teacher", "chair", "of", "governors", "governor", "clerk",
        "senco", "bursar", "finance", "reception", "contact", "hello", "school", "pta", "attendance", "safeguarding", "dsl",
    ];

    /// <summary>
    /// An address on a public body's domain whose name is made only of role words: a role mailbox ("ChairofGovernors@…sch.uk"),
    /// not a person's. A named person's work address there ("j.smith@…sch.uk") or any address on a mail provider is held.
    /// </summary>
    public static bool IsRoleMailbox(string address, string domain)
    {
        if (!InstitutionalSuffixes.Any(s => domain.EndsWith(s, StringComparison.Ordinal)))
        {
            return false;
        }
        var local = address[..address.IndexOf('@', StringComparison.Ordinal)].ToLowerInvariant().Replace(".", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
        return local.Length > 0 && IsMadeOfRoleWords(local);
    }

    private static bool IsMadeOfRoleWords(string rest) =>
        rest.Length == 0 || RoleWords.Any(w => rest.StartsWith(w, StringComparison.Ordinal) && IsMadeOfRoleWords(rest[w.Length..]));

    public static IEnumerable<(int Start, int Length, string Domain)> EmailAddresses(string text)
    {
        foreach (Match match in EmailPattern.Matches(text))
        {
            var at = match.Value.IndexOf('@', StringComparison.Ordinal);
            yield return (match.Index, match.Length, match.Value[(at + 1)..].ToLowerInvariant());
        }
    }
}
