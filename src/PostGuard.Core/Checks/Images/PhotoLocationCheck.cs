using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// R9: GPS coordinates in a photo's metadata (EXIF) or a clip's (QuickTime ©xyz, 3GPP loci, the iPhone ISO 6709 key).
/// Reported; published media always has its metadata stripped.
/// </summary>
public sealed class PhotoLocationCheck : IDraftCheck
{
    public const string Rule = "R9";

    public string Name => "photo-location";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        if (!draft.Policy.IsEnabled(Rule))
        {
            return ValueTask.FromResult<IReadOnlyList<Finding>>([]);
        }
        var findings = draft.Images
            .Where(i => i.Report is { GpsLatitude: not null, GpsLongitude: not null })
            .Select(i => new Finding(Rule, draft.Policy.SeverityFor(Rule, Severity.Hold),
                $"{i.Label} ({i.FileName}) carries GPS coordinates that say where it was taken.",
                new JsonObject
                {
                    ["image"] = i.Index,
                    ["file"] = i.FileName,
                    ["metadata"] = i.Report!.IsClip ? "container location" : "GPS",
                    ["latitude"] = Math.Round(i.Report.GpsLatitude!.Value, 5),
                    ["longitude"] = Math.Round(i.Report.GpsLongitude!.Value, 5),
                },
                "PostGuard strips GPS and all other metadata from the published copy; check that the photo itself does not show where the children are."))
            .ToList();
        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }
}
