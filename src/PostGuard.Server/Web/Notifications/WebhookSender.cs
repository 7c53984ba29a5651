using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using PostGuard.Core.Notifications;
using PostGuard.Core.Persistence;

namespace PostGuard.Server.Web.Notifications;

/// <summary>
/// POSTs a notification as JSON to the school's webhook, through the "postguard-webhook" client of
/// <see cref="WebhookClient"/>: it connects only to addresses the <see cref="WebhookDestinationPolicy"/>
/// permits, follows no redirect, and retries network errors, timeouts, 408, 429 and 5xx (honouring
/// Retry-After); any other answer is final. Credentials in the URL (https://user:pass@host/…) are sent as
/// Basic authentication, never as part of the address.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients)
{
    /// <summary>Throws <see cref="HttpRequestException"/> once the receiver refused it or every attempt failed.</summary>
    public async Task SendAsync(Uri url, DraftNeedsApprover notification, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, WithoutCredentials(url))
        {
            Content = JsonContent.Create(new
            {
                type = "draft.needs-approver",
                school = notification.SchoolId,
                schoolName = notification.SchoolName,
                draftId = notification.DraftId,
                revision = notification.Revision,
                decision = notification.Decision,
                reason = notification.Reason,
                link = notification.Link,
                at = notification.At,
            }, options: Json.Options),
        };
        if (url.UserInfo.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(url.UserInfo))));
        }
        using var client = clients.CreateClient(WebhookClient.Name);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            throw new HttpRequestException($"the webhook answered {status} (a redirect, which is never followed: configure the address it points to)", null, response.StatusCode);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the webhook answered {status}", null, response.StatusCode);
        }
    }

    private static Uri WithoutCredentials(Uri url) => url.UserInfo.Length == 0 ? url : new UriBuilder(url) { UserName = "", Password = "" }.Uri;
}
