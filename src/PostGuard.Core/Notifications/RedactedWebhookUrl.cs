namespace PostGuard.Core.Notifications;

/// <summary>
/// A webhook URL as the audit trail and the logs may show it: where it points (scheme, host, port) and
/// nothing that lets someone else post to it. Credentials (user:pass@), the query (?token=…) and the path
/// are left out: chat services put the secret in the path (…/services/T000/B000/XXXX).
/// </summary>
public static class RedactedWebhookUrl
{
    public static string Of(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "(not an absolute URL)";
        }
        var origin = $"{url.Scheme}://{url.Host}{(url.IsDefaultPort ? "" : $":{url.Port}")}";
        var hidden = new List<string>();
        if (url.UserInfo.Length > 0)
        {
            hidden.Add("credentials");
        }
        if (url.AbsolutePath.Length > 1)
        {
            hidden.Add("path");
        }
        if (url.Query.Length > 0)
        {
            hidden.Add("query");
        }
        return hidden.Count == 0 ? origin + "/" : $"{origin}/… ({string.Join(", ", hidden)} not shown)";
    }
}
