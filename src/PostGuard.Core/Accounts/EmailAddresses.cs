using MimeKit;

namespace PostGuard.Core.Accounts;

/// <summary>
/// How PostGuard reads an e-mail address typed by staff (a sign-in e-mail, a notification recipient):
/// a plain address, parsed by MimeKit under strict RFC rules, that mail can actually be sent to: a
/// dot-atom local part (no quotes, no display name, no comments) and a domain of at least two non-empty
/// labels. Parsing is linear in the input and the input is bounded, so no address costs more than
/// another to refuse.
/// </summary>
public static class EmailAddresses
{
    /// <summary>RFC 5321's limit on a forward path.</summary>
    public const int MaxLength = 254;

    private static readonly ParserOptions Strict = new()
    {
        AddressParserComplianceMode = RfcComplianceMode.Strict,
        AllowAddressesWithoutDomain = false,
        AllowUnquotedCommasInAddresses = false,
        Rfc2047ComplianceMode = RfcComplianceMode.Strict,
    };

    /// <summary>The address as given (trimmed), or null with <paramref name="problem"/> saying what is wrong with it.</summary>
    public static string? Parse(string text, out string? problem)
    {
        var address = text.Trim();
        problem = null;
        if (address.Length == 0)
        {
            problem = "an e-mail address is required";
            return null;
        }
        if (address.Length > MaxLength)
        {
            problem = $"'{Shorten(address)}' is longer than an e-mail address can be ({MaxLength} characters)";
            return null;
        }
        if (!MailboxAddress.TryParse(Strict, address, out var mailbox) || mailbox.Name is { Length: > 0 } || mailbox.Address != address
            || !IsPlainLocalPart(mailbox.LocalPart) || !IsDomain(mailbox.Domain))
        {
            problem = $"'{address}' is not an e-mail address (expected name@school.example)";
            return null;
        }
        return address;
    }

    private static bool IsPlainLocalPart(string local) =>
        local.Length is > 0 and <= 64
        && !local.StartsWith('.') && !local.EndsWith('.') && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '.' || "!#$%&'*+/=?^_`{|}~-".Contains(c));

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2 && labels.All(label =>
            label.Length is > 0 and <= 63 && !label.StartsWith('-') && !label.EndsWith('-')
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
