using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace PostGuard.Server.Web.Notifications;

/// <summary>Sends a notification by e-mail through the configured SMTP relay (System.Net.Mail), retrying a failed send.</summary>
public sealed class EmailSender(IOptions<NotificationOptions> options, TimeProvider time, ILogger<EmailSender> logger)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(IReadOnlyList<string> recipients, DraftNeedsApprover notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var message = new MailMessage
        {
            From = new MailAddress(smtp.From, "PostGuard"),
            Subject = $"[PostGuard] {notification.Decision}: a draft post needs your decision",
            Body = $"""
                A draft post for {notification.SchoolName} needs the headteacher.

                Decision: {notification.Decision}
                Why: {notification.Reason}

                Open it: {notification.Link}

                This message was sent by PostGuard; it contains no names or photos.
                """,
            IsBodyHtml = false,
        };
        foreach (var recipient in recipients)
        {
            message.To.Add(recipient);
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var client = new SmtpClient(smtp.Host, smtp.Port)
                {
                    EnableSsl = smtp.EnableSsl,
                    DeliveryMethod = SmtpDeliveryMethod.Network,
                    Timeout = 15_000,
                };
                if (!string.IsNullOrEmpty(smtp.UserName))
                {
                    client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
                }
                await client.SendMailAsync(message, cancellationToken);
                return;
            }
            catch (SmtpException ex) when (attempt < smtp.Attempts && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "E-mail for draft {DraftId} failed (attempt {Attempt}); retrying", notification.DraftId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), time, cancellationToken);
            }
        }
    }
}
