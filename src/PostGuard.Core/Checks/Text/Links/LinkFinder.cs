using System.Net;
using System.Text.RegularExpressions;

namespace PostGuard.Core.Checks.Text.Links;

/// <summary>A link in the text and its host.</summary>
public sealed record LinkMention(int Start, int Length, string Text, string Host, bool HasScheme);

/// <summary>
/// Finds URLs (with a scheme or "www.") and bare domains ("mersham.kent.sch.uk", "bit.ly/x") with
/// patterns run without backtracking. Bare domains need a known top-level domain, so
/// "e.g." or "3.30" are not links.
/// </summary>
public static class LinkFinder
{
    private const RegexOptions Linear = RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.IgnoreCase;

    private static readonly string[] UrlStarts = ["https://", "http://", "www."];

    private static readonly Regex BareDomainPattern = new(@"\b([a-z0-9][a-z0-9\-]*\.)+[a-z]{2,12}(/[^\s<>""'()\[\]{}]*)?", Linear);

    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "uk", "io", "ly", "me", "gl", "gd", "info", "biz", "edu", "gov", "co", "tv", "app", "dev", "ai",
        "ie", "eu", "de", "fr", "us", "at", "be", "nl", "es", "it", "in", "to", "cc", "ws", "xyz", "online", "site", "shop",
        "store", "link", "click", "news", "school", "academy", "education", "church", "club", "live", "page", "ee", "ru", "cn",
    };

    public static IReadOnlyList<LinkMention> Find(string text)
    {
        var links = new List<LinkMention>();
        foreach (var (index, length) in Urls(text))
        {
            var value = TrimTrailing(text.Substring(index, length));
            var hasScheme = value.StartsWith("http", StringComparison.OrdinalIgnoreCase);
            var host = HostOf(hasScheme ? value[(value.IndexOf("//", StringComparison.Ordinal) + 2)..] : value);
            if (host.Length > 0)
            {
                links.Add(new LinkMention(index, value.Length, value, host, hasScheme));
            }
        }
        foreach (Match match in BareDomainPattern.Matches(text))
        {
            if (links.Exists(l => match.Index < l.Start + l.Length && l.Start < match.Index + match.Length))
            {
                continue;
            }
            // Part of an e-mail address: that is R10's business.
            if (match.Index > 0 && (text[match.Index - 1] == '@' || text[match.Index - 1] == '.' || text[match.Index - 1] == '/'))
            {
                continue;
            }
            var value = TrimTrailing(match.Value);
            var host = HostOf(value);
            var tld = host[(host.LastIndexOf('.') + 1)..];
            var shortener = LinkShorteners.Hosts.Contains(host.ToLowerInvariant());
            if (!shortener && (!TopLevelDomains.Contains(tld) || host.Split('.').Any(label => label.Length == 1 && host.Length <= 4)))
            {
                continue;
            }
            // "Mr.Smith" or "Y4.The" are sentences without a space, not domains: a bare domain is lower case.
            if (host.Any(char.IsUpper) && !shortener)
            {
                continue;
            }
            links.Add(new LinkMention(match.Index, value.Length, value, host.ToLowerInvariant(), false));
        }
        links.Sort((a, b) => a.Start.CompareTo(b.Start));
        return links;
    }

    /// <summary>
    /// URLs with a scheme or "www.", found by a plain scan (a regular expression over a 100 KB URL
    /// took seconds): from the start marker to the first space, bracket or quote.
    /// </summary>
    private static IEnumerable<(int Index, int Length)> Urls(string text)
    {
        // The next occurrence of each marker, looked up again only once the scan has passed it: linear overall.
        var next = new int[UrlStarts.Length];
        Array.Fill(next, -2);
        var position = 0;
        while (position < text.Length)
        {
            var start = -1;
            var marker = 0;
            for (var i = 0; i < UrlStarts.Length; i++)
            {
                if (next[i] == -2 || (next[i] >= 0 && next[i] < position))
                {
                    next[i] = text.IndexOf(UrlStarts[i], position, StringComparison.OrdinalIgnoreCase);
                }
                if (next[i] >= 0 && (start < 0 || next[i] < start))
                {
                    start = next[i];
                    marker = UrlStarts[i].Length;
                }
            }
            if (start < 0)
            {
                yield break;
            }
            var end = start + marker;
            while (end < text.Length && !IsUrlStop(text[end]))
            {
                end++;
            }
            if (end > start + marker)
            {
                yield return (start, end - start);
            }
            position = end;
        }
    }

    private static bool IsUrlStop(char c) => char.IsWhiteSpace(c) || c is '<' or '>' or '"' or '\'' or '(' or ')' or '[' or ']' or '{' or '}';

    public static bool IsIpAddress(string host) => IPAddress.TryParse(host.Trim('[', ']'), out _) && (host.Contains('.', StringComparison.Ordinal) || host.Contains(':', StringComparison.Ordinal));

    private static string HostOf(string rest)
    {
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end >= 0 ? rest[..end] : rest;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }
        if (!authority.StartsWith('['))
        {
            var colon = authority.LastIndexOf(':');
            if (colon >= 0)
            {
                authority = authority[..colon];
            }
        }
        return authority.TrimEnd('.');
    }

    private static string TrimTrailing(string value) => value.TrimEnd('.', ',', ';', ':', '!', '?', '\'', '"', ')', '’');
}
