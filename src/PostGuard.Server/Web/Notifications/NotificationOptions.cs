using System.ComponentModel.DataAnnotations;

namespace PostGuard.Server.Web.Notifications;

/// <summary>How PostGuard tells approvers that a draft needs them. Per-school recipients live in the database.</summary>
public sealed class NotificationOptions : IValidatableObject
{
    public const string SectionName = "Notifications";

    /// <summary>The address staff open the pages at, for links in messages (e.g. https://postguard.school.uk). Empty: messages carry the path only.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Attempts per webhook delivery (the first included); waits double from <see cref="WebhookFirstRetryMilliseconds"/>.</summary>
    [Range(1, 10)]
    public int WebhookAttempts { get; set; } = 4;

    [Range(0, 60_000)]
    public int WebhookFirstRetryMilliseconds { get; set; } = 500;

    [Range(1, 120)]
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>A receiver's Retry-After is honoured up to this long; beyond it the wait is this long.</summary>
    [Range(1, 600)]
    public int WebhookMaxRetryAfterSeconds { get; set; } = 30;

    /// <summary>
    /// Networks a webhook may reach although they are loopback, private or link-local (an on-premises
    /// receiver), comma-separated CIDR networks or single addresses, e.g. "10.20.0.0/16, 192.168.5.7".
    /// Empty (the default): only public addresses.
    /// </summary>
    public string? WebhookAllowedNetworks { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The parsed allow-list (validated at start-up).</summary>
    public IReadOnlyList<System.Net.IPNetwork> AllowedNetworks() =>
        Hosting.NetworkList.Parse(WebhookAllowedNetworks, $"{SectionName}:{nameof(WebhookAllowedNetworks)}");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        string? problem = null;
        try
        {
            _ = AllowedNetworks();
        }
        catch (FormatException e)
        {
            problem = e.Message;
        }
        if (problem is not null)
        {
            yield return new ValidationResult(problem, [nameof(WebhookAllowedNetworks)]);
        }
    }
}

/// <summary>The school's (or the trust's) mail relay. No host: no e-mail is sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>TLS: on port 465 from the first byte, on any other port through STARTTLS (required). Off: plain SMTP.</summary>
    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "postguard@localhost";

    [Range(1, 10)]
    public int Attempts { get; set; } = 3;
}
