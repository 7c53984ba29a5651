using System.ComponentModel.DataAnnotations;

namespace PostGuard.Server.Web.Notifications;

/// <summary>How PostGuard tells approvers that a draft needs them. Per-school recipients live in the database.</summary>
public sealed class NotificationOptions
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

    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The school's (or the trust's) mail relay. No host: no e-mail is sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "postguard@localhost";

    [Range(1, 10)]
    public int Attempts { get; set; } = 3;
}
