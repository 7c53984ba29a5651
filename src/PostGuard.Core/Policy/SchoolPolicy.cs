using System.Text.Json.Serialization;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Policy;

/// <summary>
/// A school's policy as data: its official channels, which rules apply and how severely,
/// thresholds and allow-lists, and whether clean drafts are approved without sign-off (R17).
/// Loaded and validated by <see cref="PolicyLoader"/>; presets mirror the seed policies.
/// </summary>
public sealed record SchoolPolicy
{
    /// <summary>The preset this policy started from: consent-based or strict.</summary>
    public required string Preset { get; init; }

    /// <summary>The school's official channels (R13).</summary>
    public required IReadOnlyList<string> Channels { get; init; }

    /// <summary>R17: when false every post waits for the headteacher's sign-off.</summary>
    public bool AutoApproveClean { get; init; }

    /// <summary>IANA time zone the school's dates and times are read in.</summary>
    public string TimeZone { get; init; } = "Europe/London";

    /// <summary>Per-rule switches and severities, keyed by rule id (R1..R17).</summary>
    public IReadOnlyDictionary<string, RuleSetting> Rules { get; init; } = new Dictionary<string, RuleSetting>();

    /// <summary>Strict profile (R7): no photos of staff or pupils at all.</summary>
    public bool AllowPhotosOfPeople { get; init; } = true;

    /// <summary>Strict profile (R7): no staff names either.</summary>
    public bool AllowStaffNames { get; init; } = true;

    public FacePolicy Faces { get; init; } = new();

    /// <summary>The school's own public address and town, which may appear in posts (R9).</summary>
    public IReadOnlyList<string> AllowedPlaces { get; init; } = [];

    /// <summary>External link domains that need no review (R11).</summary>
    public IReadOnlyList<string> AllowedLinkDomains { get; init; } = [];

    public bool IsOfficialChannel(string channel) => Channels.Contains(channel, StringComparer.Ordinal);

    public bool IsEnabled(string rule) => !Rules.TryGetValue(rule, out var setting) || setting.Enabled;

    /// <summary>The severity the policy gives a rule, or the default from PRODUCT.md.</summary>
    public Severity SeverityFor(string rule, Severity defaultSeverity) =>
        Rules.TryGetValue(rule, out var setting) && setting.Severity is { } severity ? severity : defaultSeverity;
}

public sealed record RuleSetting
{
    public bool Enabled { get; init; } = true;

    [JsonConverter(typeof(JsonStringEnumConverter<Severity>))]
    public Severity? Severity { get; init; }
}

/// <summary>R3: when a face counts as identifiable.</summary>
public sealed record FacePolicy
{
    /// <summary>A face narrower than this many pixels at the channel's display size is not identifiable.</summary>
    public int MinFacePixels { get; init; } = 24;

    /// <summary>Detections below this score are not counted as faces.</summary>
    public double MinScore { get; init; } = 0.6;

    /// <summary>The width in pixels each channel displays an image at.</summary>
    public IReadOnlyDictionary<string, int> DisplayWidths { get; init; } = new Dictionary<string, int>
    {
        ["facebook"] = 1200,
        ["instagram"] = 1080,
        ["linkedin"] = 1200,
        ["website"] = 1200,
    };
}
