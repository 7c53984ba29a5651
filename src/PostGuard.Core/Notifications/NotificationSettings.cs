namespace PostGuard.Core.Notifications;

/// <summary>
/// How a school wants its approver told that a draft needs them (besides the badge in the web pages):
/// a webhook that receives a JSON POST, and/or e-mail recipients. Both optional.
/// </summary>
public sealed record NotificationSettings(string SchoolId, Uri? WebhookUrl, IReadOnlyList<string> EmailTo)
{
    public static NotificationSettings None(string schoolId) => new(schoolId, null, []);
}
