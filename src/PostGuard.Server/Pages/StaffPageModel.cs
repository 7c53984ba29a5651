using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PostGuard.Core.Schools;
using PostGuard.Server.Api;

namespace PostGuard.Server.Pages;

/// <summary>A page for signed-in staff: who they are (their school comes from the sign-in, never from the request).</summary>
public abstract class StaffPageModel : PageModel
{
    public StaffUser Me => CurrentUser.From(User);

    /// <summary>A local date and time typed in a form (the school's time zone) as an instant.</summary>
    protected static DateTimeOffset? FromLocal(string? value, string timeZoneId)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>An instant as the value of a datetime-local input in the school's time zone.</summary>
    public static string ToLocalInput(DateTimeOffset? value, string timeZoneId) =>
        value is { } instant
            ? TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)
            : "";
}
