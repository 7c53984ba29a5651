using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Text.Links;

/// <summary>
/// R11: links to external sites must be appropriate and safe. Allow-listed domains (policy
/// AllowedLinkDomains, subdomains included) pass; link shorteners, IP-address links, hosts with
/// non-ASCII characters and unknown domains are a Hold.
/// </summary>
public sealed class LinksCheck : IDraftCheck
{
    public const string Rule = "R11";

    public string Name => "text-links";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        if (!policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var severity = policy.SeverityFor(Rule, Severity.Hold);
        var findings = new Text.TextFindingList(draft.Text ?? "");
        foreach (var link in LinkFinder.Find(draft.Text ?? ""))
        {
            string? problem = null;
            if (LinkShorteners.Hosts.Contains(link.Host))
            {
                problem = $"\"{link.Text}\" is a shortened link: nobody can see where it goes.";
            }
            else if (LinkFinder.IsIpAddress(link.Host))
            {
                problem = $"\"{link.Text}\" points at a bare IP address, not a named site.";
            }
            else if (link.Host.Any(c => c > 127))
            {
                problem = $"\"{link.Text}\" has unusual characters in its address (a look-alike domain?).";
            }
            else if (!LinkAllowList.IsAllowed(link.Host, policy.AllowedLinkDomains))
            {
                problem = $"\"{link.Text}\" links to {link.Host}, which is not on the school's list of approved sites.";
            }
            if (problem is not null)
            {
                findings.Add(Rule, severity, link.Start, link.Length, problem,
                    $"Check {link.Host} is appropriate and safe, then use the full address or ask for the domain to be added to the allowed link domains.",
                    new JsonObject { ["host"] = link.Host });
            }
        }
        return ValueTask.FromResult(findings.ToList());
    }
}
