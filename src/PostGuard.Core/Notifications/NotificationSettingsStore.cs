using System.Text.Json.Nodes;
using Dapper;
using PostGuard.Core.Accounts;
using PostGuard.Core.Audit;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Notifications;

/// <summary>Per-school notification settings: read when a draft needs the approver, changed by the approver (audited).</summary>
public sealed class NotificationSettingsStore(Database database, AuditTrail audit, WebhookDestinationPolicy destinations, TimeProvider time)
{
    public const int MaxRecipients = 20;
    public const int MaxWebhookUrlLength = 2000;

    public async Task<NotificationSettings> GetAsync(string schoolId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var settings = await connection.QuerySingleOrDefaultAsync<SettingsRow>(database.Command(
            "SELECT webhook_url AS WebhookUrl, email_to AS EmailTo FROM school_notification_settings WHERE school_id = @schoolId",
            new { schoolId }, cancellationToken: cancellationToken));
        if (settings is null)
        {
            return NotificationSettings.None(schoolId);
        }
        return new NotificationSettings(
            schoolId,
            string.IsNullOrEmpty(settings.WebhookUrl) ? null : new Uri(settings.WebhookUrl),
            SplitAddresses(settings.EmailTo));
    }

    /// <summary>
    /// Validates and stores the settings: the webhook must be an absolute http(s) URL whose host the server
    /// may call (<see cref="WebhookDestinationPolicy"/>), each recipient an e-mail address (separated by
    /// commas, semicolons or new lines; at most <see cref="MaxRecipients"/>). Every bad field is reported at once.
    /// </summary>
    public async Task<NotificationSettings> SaveAsync(StaffUser actor, string? webhookUrl, string? emailTo, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        Uri? webhook = null;
        if (!string.IsNullOrWhiteSpace(webhookUrl))
        {
            var text = webhookUrl.Trim();
            if (text.Length > MaxWebhookUrlLength)
            {
                errors.Add(new InputError("webhookUrl", $"is {text.Length} characters; the limit is {MaxWebhookUrlLength}"));
            }
            else if (!Uri.TryCreate(text, UriKind.Absolute, out webhook) || webhook.Scheme is not ("http" or "https"))
            {
                errors.Add(new InputError("webhookUrl", $"'{text}' is not an http:// or https:// address"));
                webhook = null;
            }
            else if (await destinations.ProblemAsync(webhook, cancellationToken) is { } problem)
            {
                errors.Add(new InputError("webhookUrl", problem));
                webhook = null;
            }
        }
        var recipients = new List<string>();
        if (emailTo is { Length: > (EmailAddresses.MaxLength + 2) * MaxRecipients })
        {
            errors.Add(new InputError("emailTo", $"is {emailTo.Length} characters; at most {MaxRecipients} addresses fit"));
        }
        else
        {
            var given = SplitAddresses(emailTo);
            if (given.Count > MaxRecipients)
            {
                errors.Add(new InputError("emailTo", $"lists {given.Count} addresses; the limit is {MaxRecipients}"));
            }
            foreach (var address in given.Take(MaxRecipients))
            {
                if (EmailAddresses.Parse(address, out var problem) is { } parsed)
                {
                    recipients.Add(parsed);
                }
                else
                {
                    errors.Add(new InputError("emailTo", problem!));
                }
            }
        }
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        var settings = new NotificationSettings(actor.SchoolId, webhook, recipients);
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Command(
                """
                INSERT INTO school_notification_settings (school_id, webhook_url, email_to, updated_at, updated_by)
                VALUES (@schoolId, @webhookUrl, @emailTo, @now, @actor)
                ON CONFLICT (school_id) DO UPDATE SET webhook_url = excluded.webhook_url, email_to = excluded.email_to,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by
                """,
                new { schoolId = actor.SchoolId, webhookUrl = webhook?.ToString(), emailTo = string.Join(", ", recipients), now = time.GetUtcNow(), actor = actor.Email },
                transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(actor.SchoolId, actor.Email, "settings.notifications-changed", null, null, new JsonObject
            {
                // Where it points, never how to post to it: no credentials, path or query (RedactedWebhookUrl).
                ["webhook"] = webhook is null ? "none" : RedactedWebhookUrl.Of(webhook),
                ["emailTo"] = string.Join(", ", recipients),
            }), cancellationToken);
            return 0;
        }, cancellationToken);
        return settings;
    }

    private static List<string> SplitAddresses(string? text) =>
        string.IsNullOrWhiteSpace(text) ? []
        : [.. text.Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    private sealed record SettingsRow
    {
        public string? WebhookUrl { get; init; }
        public string? EmailTo { get; init; }
    }
}
