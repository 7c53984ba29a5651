namespace PostGuard.Core.Policy;

/// <summary>The two presets, mirroring the seed policies (PRODUCT.md, "Policy profiles").</summary>
public static class PolicyPresets
{
    public const string ConsentBased = "consent-based";
    public const string Strict = "strict";

    public static readonly IReadOnlyList<string> Names = [ConsentBased, Strict];

    /// <summary>
    /// consent-based (Mersham, All Saints): photos with written consent, trips only after the event,
    /// every post signed off by the headteacher.
    /// </summary>
    public static SchoolPolicy CreateConsentBased(IReadOnlyList<string>? channels = null) => new()
    {
        Preset = ConsentBased,
        Channels = channels ?? Policy.Channels.All,
        AutoApproveClean = false,
        AllowPhotosOfPeople = true,
        AllowStaffNames = true,
    };

    /// <summary>strict (Milton Road): no names, no photos of staff or children, no location data (R7).</summary>
    public static SchoolPolicy CreateStrict(IReadOnlyList<string>? channels = null) => new()
    {
        Preset = Strict,
        Channels = channels ?? Policy.Channels.All,
        AutoApproveClean = false,
        AllowPhotosOfPeople = false,
        AllowStaffNames = false,
    };

    public static SchoolPolicy Create(string preset, IReadOnlyList<string>? channels = null) => preset switch
    {
        ConsentBased => CreateConsentBased(channels),
        Strict => CreateStrict(channels),
        _ => throw new PolicyValidationException([$"preset: unknown preset '{preset}' (expected {string.Join(" or ", Names)})"]),
    };
}
