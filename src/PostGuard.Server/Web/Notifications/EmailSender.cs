using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using PostGuard.Core.Accounts;

namespace PostGuard.Server.Web.Notifications;

/// <summary>
/// Sends a notification by e-mail through the configured SMTP relay with MailKit, retrying a failed send
/// (a network error or a temporary 4xx answer; a permanent 5xx answer is final). Recipients are checked
/// again before sending: an address stored before addresses were checked when saved is skipped and logged.
/// </summary>
public sealed class EmailSender(IOptions<NotificationOptions> options, TimeProvider time, ILogger<EmailSender> logger)
{
    public bool IsConfigured => !string.IsNullOrWhiteSpace(options.Value.Smtp.Host);

    public async Task SendAsync(IReadOnlyList<string> recipients, DraftNeedsApprover notification, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var message = new MimeMessage();
        message.From.Add(new MailboxAddress("PostGuard", smtp.From));
        foreach (var recipient in recipients)
        {
            if (EmailAddresses.Parse(recipient, out var problem) is { } address)
            {
                message.To.Add(MailboxAddress.Parse(address));
            }
            else
            {
                logger.LogWarning("E-mail for draft {DraftId}: a stored recipient is skipped ({Problem}); correct it on the Notifications page", notification.DraftId, problem);
            }
        }
        if (message.To.Count == 0)
        {
            throw new InvalidOperationException("no stored recipient is an e-mail address mail can be sent to");
        }
        message.Subject = $"[PostGuard] {notification.Decision}: a draft post needs your decision";
        message.Body = new TextPart("plain")
        {
            Text = $"""
                A draft post for {notification.SchoolName} needs the headteacher.

                Decision: {notification.Decision}
                Why: {notification.Reason}

                Open it: {notification.Link}

                This message was sent by PostGuard; it contains no names or photos.
                """,
        };
        var security = !smtp.EnableSsl ? SecureSocketOptions.None
            : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
            : SecureSocketOptions.StartTls;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var client = new SmtpClient { Timeout = 15_000 };
                await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
                if (!string.IsNullOrEmpty(smtp.UserName))
                {
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
                }
                await client.SendAsync(message, cancellationToken);
                await client.DisconnectAsync(quit: true, cancellationToken);
                return;
            }
            catch (Exception ex) when (IsWorthRetrying(ex) && attempt < smtp.Attempts && !cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "E-mail for draft {DraftId} failed (attempt {Attempt}); retrying", notification.DraftId, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(500 * attempt), time, cancellationToken);
            }
        }
    }

    /// <summary>Network trouble and temporary (4xx) answers may pass; a permanent (5xx) answer will not.</summary>
    private static bool IsWorthRetrying(Exception exception) => exception switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
