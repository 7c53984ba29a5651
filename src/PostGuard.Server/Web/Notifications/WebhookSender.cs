using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using PostGuard.Core.Persistence;

namespace PostGuard.Server.Web.Notifications;

/// <summary>
/// POSTs a notification as JSON to the school's webhook. A network error, a timeout or a 5xx/408/429
/// answer is retried with doubling waits; a 4xx is the receiver refusing it and is not retried.
/// </summary>
public sealed class WebhookSender(HttpClient http, IOptions<NotificationOptions> options, TimeProvider time, ILogger<WebhookSender> logger)
{
    public const string HttpClientName = "postguard-webhook";

    /// <summary>Returns how many attempts it took, or throws the last failure once every attempt has failed.</summary>
    public async Task<int> SendAsync(Uri url, DraftNeedsApprover notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var wait = TimeSpan.FromMilliseconds(settings.WebhookFirstRetryMilliseconds);
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.WebhookTimeoutSeconds));
            string failure;
            try
            {
                using var response = await http.PostAsJsonAsync(url, new
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
                }, Json.Options, timeout.Token);
                if (response.IsSuccessStatusCode)
                {
                    return attempt;
                }
                var status = (int)response.StatusCode;
                if (status is >= 400 and < 500 and not 408 and not 429)
                {
                    throw new HttpRequestException($"the webhook refused the notification with {status}", null, response.StatusCode);
                }
                failure = $"answered {status}";
            }
            catch (Exception ex) when (ex is HttpRequestException { StatusCode: null } or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = ex.Message;
                if (attempt >= settings.WebhookAttempts)
                {
                    throw;
                }
            }
            if (attempt >= settings.WebhookAttempts)
            {
                throw new HttpRequestException($"the webhook {failure} on each of {attempt} attempts");
            }
            logger.LogWarning("Webhook for draft {DraftId} {Failure} (attempt {Attempt}); retrying in {Wait} ms", notification.DraftId, failure, attempt, wait.TotalMilliseconds);
            await Task.Delay(wait, time, cancellationToken);
            wait *= 2;
        }
    }
}
