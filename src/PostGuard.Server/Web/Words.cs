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

    /// <summary>"Photo 2" or "Clip 2": how the pages name a draft's media item at <paramref name="position"/> (0-based).</summary>
    public static string Media(string contentType, int position) =>
        $"{(Core.Submissions.ClipSniffing.IsClip(contentType) ? "Clip" : "Photo")} {position + 1}";

    /// <summary><see cref="Media"/> inside a sentence: "photo 2" or "clip 2".</summary>
    public static string MediaInSentence(string contentType, int position) =>
        $"{(Core.Submissions.ClipSniffing.IsClip(contentType) ? "clip" : "photo")} {position + 1}";

    public static string When(DateTimeOffset? at) =>
        at is { } instant ? TimeZoneInfo.ConvertTime(instant, London).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB")) : "";

    /// <summary>What the banner says: the headteacher's action once there is one, else what the checks decided.</summary>
    public static string Headline(Core.Findings.Decision? decision, Core.Submissions.ReviewState state) => state switch
    {
        Core.Submissions.ReviewState.Approved when decision is not null => $"Approved by the headteacher (the checks said {decision})",
        Core.Submissions.ReviewState.AutoApproved => "Approved automatically: nothing found and the school's policy allows it",
        Core.Submissions.ReviewState.Rejected => "Sent back to the uploader: edit it and resubmit",
        _ => DecisionHeadline(decision),
    };

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
