using System.Globalization;

namespace PostGuard.Server.Web;

/// <summary>States and times in the words the pages use.</summary>
public static class Words
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    public static string ReviewState(string state) => state switch
    {
        "Pending" => "waiting for the headteacher",
        "Approved" => "approved",
        "AutoApproved" => "approved automatically",
        "Rejected" => "sent back",
        "None" => "being checked",
        _ => state,
    };

    public static string When(DateTimeOffset? at) =>
        at is { } instant ? TimeZoneInfo.ConvertTime(instant, London).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) : "";

    public static string DecisionHeadline(Core.Findings.Decision? decision) => decision switch
    {
        Core.Findings.Decision.Block => "Blocked: this post cannot go out as it is",
        Core.Findings.Decision.Hold => "Held: the headteacher must look before it goes out",
        Core.Findings.Decision.Approve => "Nothing found: ready for sign-off",
        _ => "Being checked…",
    };

    public static string FaceClass(FaceState state) => state switch
    {
        FaceState.Consented => "face-consented",
        FaceState.NotAccountedFor => "face-unaccounted",
        FaceState.NoConsent => "face-noconsent",
        _ => "face-small",
    };
}
