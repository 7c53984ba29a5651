namespace PostGuard.Core.Checks.Text.Links;

/// <summary>A host passes when it is an allow-listed domain or a subdomain of one ("www.gov.uk" under "gov.uk").</summary>
public static class LinkAllowList
{
    public static bool IsAllowed(string host, IReadOnlyList<string>? allowedDomains)
    {
        if (allowedDomains is null || allowedDomains.Count == 0)
        {
            return false;
        }
        host = host.TrimEnd('.').ToLowerInvariant();
        foreach (var entry in allowedDomains)
        {
            var domain = entry.Trim().TrimStart('.').TrimEnd('.').ToLowerInvariant();
            if (domain.Length > 0 && (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal)))
            {
                return true;
            }
        }
        return false;
    }
}
