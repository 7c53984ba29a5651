using Microsoft.Extensions.Options;
using PostGuard.Core.Findings;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;

namespace PostGuard.Server.Web.Notifications;

/// <summary>
/// Tells a school's approver that a draft needs them, through whatever the school configured: a
/// webhook and/or e-mail. (The badge in the pages needs nothing: it counts the review queue.) Each
/// channel is tried, and retried, on its own; whatever makes one fail is logged and stops neither the
/// other nor the caller, so a failing e-mail never makes the consumer's retry send the webhook again.
/// </summary>
public sealed class ApproverNotifier(
    NotificationSettingsStore settings,
    SchoolDirectory schools,
    DraftStore drafts,
    WebhookSender webhook,
    EmailSender email,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<ApproverNotifier> logger)
{
    /// <summary>What was sent, for the log and the tests.</summary>
    public sealed record Delivery(bool Webhook, bool Email);

    public async Task<Delivery> NotifyAsync(string schoolId, Guid draftId, int revision, Decision decision, CancellationToken cancellationToken)
    {
        var configured = await settings.GetAsync(schoolId, cancellationToken);
        if (configured.WebhookUrl is null && (configured.EmailTo.Count == 0 || !email.IsConfigured))
        {
            return new Delivery(false, false);
        }
        var school = await schools.FindSchoolAsync(schoolId, cancellationToken);
        var stored = await drafts.FindDecisionAsync(draftId, revision, cancellationToken);
        var notification = new DraftNeedsApprover(
            schoolId,
            school?.Name ?? schoolId,
            draftId,
            revision,
            decision.ToString(),
            Summary(decision, stored),
            Link(draftId),
            time.GetUtcNow());
        var sentWebhook = false;
        var sentEmail = false;
        if (configured.WebhookUrl is { } url)
        {
            try
            {
                await webhook.SendAsync(url, notification, cancellationToken);
                sentWebhook = true;
                logger.LogInformation("Webhook notified for draft {DraftId} r{Revision} at {Webhook}", draftId, revision, RedactedWebhookUrl.Of(url));
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Webhook notification for draft {DraftId} r{Revision} to {Webhook} failed", draftId, revision, RedactedWebhookUrl.Of(url));
            }
        }
        if (configured.EmailTo.Count > 0 && email.IsConfigured)
        {
            try
            {
                await email.SendAsync(configured.EmailTo, notification, cancellationToken);
                sentEmail = true;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogError(ex, "E-mail notification for draft {DraftId} r{Revision} failed", draftId, revision);
            }
        }
        return new Delivery(sentWebhook, sentEmail);
    }

    private string Link(Guid draftId)
    {
        var path = $"/drafts/{draftId}/review";
        return string.IsNullOrWhiteSpace(options.Value.PublicBaseUrl) ? path : options.Value.PublicBaseUrl.TrimEnd('/') + path;
    }

    /// <summary>The rules involved, never the findings' text: a notification leaves the school's systems and must carry no names.</summary>
    private static string Summary(Decision decision, StoredDecision? stored)
    {
        var rules = stored?.Findings.Where(f => f.Severity != Severity.Info).Select(f => f.Rule).Distinct().ToList() ?? [];
        return decision switch
        {
            Decision.Block => $"Blocked by {string.Join(", ", rules)}; the draft must change or be redacted.",
            Decision.Hold => $"Held for your decision ({string.Join(", ", rules)}).",
            _ => "Ready for your sign-off.",
        };
    }
}
