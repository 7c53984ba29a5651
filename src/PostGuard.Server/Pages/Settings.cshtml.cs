using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Notifications;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web.Notifications;

namespace PostGuard.Server.Pages;

/// <summary>The headteacher sets where the school's notifications go (webhook, e-mail).</summary>
[Authorize(Roles = Roles.Approver)]
public sealed class SettingsModel(NotificationSettingsStore settings, EmailSender email) : StaffPageModel
{
    public string? WebhookUrl { get; private set; }
    public string? EmailTo { get; private set; }
    public bool Saved { get; private set; }
    public bool SmtpConfigured => email.IsConfigured;
    public IReadOnlyList<InputError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var current = await settings.GetAsync(Me.SchoolId, cancellationToken);
        WebhookUrl = current.WebhookUrl?.ToString();
        EmailTo = string.Join(", ", current.EmailTo);
    }

    public async Task<IActionResult> OnPostAsync(string? webhookUrl, string? emailTo, CancellationToken cancellationToken)
    {
        (WebhookUrl, EmailTo) = (webhookUrl, emailTo);
        try
        {
            await settings.SaveAsync(Me, webhookUrl, emailTo, cancellationToken);
            Saved = true;
        }
        catch (InputValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
