using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using PostGuard.Core.Audit;
using PostGuard.Core.Persistence;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Notifications;

/// <summary>Per-school notification settings: read when a draft needs the approver, changed by the approver (audited).</summary>
public sealed partial class NotificationSettingsStore(Database database, AuditTrail audit, TimeProvider time)
{
    [GeneratedRegex(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")]
    private static partial Regex EmailPattern();

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
    /// Validates and stores the settings: the webhook must be an absolute http(s) URL, each recipient an
    /// e-mail address (separated by commas, semicolons or new lines). Every bad field is reported at once.
    /// </summary>
    public async Task<NotificationSettings> SaveAsync(StaffUser actor, string? webhookUrl, string? emailTo, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        Uri? webhook = null;
        if (!string.IsNullOrWhiteSpace(webhookUrl))
        {
            if (!Uri.TryCreate(webhookUrl.Trim(), UriKind.Absolute, out webhook) || webhook.Scheme is not ("http" or "https"))
            {
                errors.Add(new InputError("webhookUrl", $"'{webhookUrl.Trim()}' is not an http:// or https:// address"));
            }
        }
        var recipients = SplitAddresses(emailTo);
        foreach (var address in recipients.Where(a => !EmailPattern().IsMatch(a)))
        {
            errors.Add(new InputError("emailTo", $"'{address}' is not an e-mail address"));
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
                ["webhook"] = webhook is null ? "none" : webhook.GetLeftPart(UriPartial.Path),
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
