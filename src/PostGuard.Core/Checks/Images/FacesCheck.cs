using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Faces in photos. R2: every identifiable face must be accounted for by a tagged person with valid
/// consent, otherwise Hold with the face boxes. R7 (strict policy): no photos of people at all, Block.
/// R3: faces too small or unclear at the channel's display size need no consent (reported as info).
/// </summary>
public sealed class FacesCheck : IDraftCheck
{
    public const string AccountedForRule = "R2";
    public const string StrictRule = "R7";
    public const string UnidentifiableRule = "R3";

    public string Name => "faces";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var rule = IdentifiabilityRule.For(draft.Policy, draft.Channels);
        foreach (var image in draft.Images)
        {
            if (image.Report is not { Readable: true } report)
            {
                continue; // UnreadableImagesCheck holds it.
            }
            var identifiable = report.Faces.Where(f => f.Identifiable).ToList();
            var small = report.Faces.Count - identifiable.Count;
            if (small > 0)
            {
                findings.Add(new Finding(UnidentifiableRule, Severity.Info,
                    $"Image {image.Index + 1}: {small} face(s) too small or unclear to identify at {rule.DisplayWidth} px wide; no consent needed.",
                    Evidence(image, report.Faces.Where(f => !f.Identifiable), rule)));
            }
            if (identifiable.Count == 0)
            {
                continue;
            }
            if (!draft.Policy.AllowPhotosOfPeople && draft.Policy.IsEnabled(StrictRule))
            {
                findings.Add(new Finding(StrictRule, draft.Policy.SeverityFor(StrictRule, Severity.Block),
                    $"Image {image.Index + 1} shows {identifiable.Count} identifiable face(s); this school's policy allows no photos of pupils or staff.",
                    Evidence(image, identifiable, rule),
                    "Use a photo without people, or blur every face."));
                continue;
            }
            if (!draft.Policy.IsEnabled(AccountedForRule))
            {
                continue;
            }
            // Consent can only account for a face through a tagged person with a valid consent record
            // for this channel; without that evidence the face is not accounted for.
            var accounted = AccountedFor(image, draft);
            var unaccounted = identifiable.Count - accounted;
            if (unaccounted > 0)
            {
                findings.Add(new Finding(AccountedForRule, draft.Policy.SeverityFor(AccountedForRule, Severity.Hold),
                    $"Image {image.Index + 1}: {unaccounted} of {identifiable.Count} identifiable face(s) are not accounted for by a tagged person with valid photo consent.",
                    Evidence(image, identifiable, rule),
                    "Tag everyone in the photo (their consent is checked), or blur the faces nobody accounts for."));
            }
        }
        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }

    /// <summary>
    /// Faces accounted for: tagged people with valid consent. Consent records arrive with the people
    /// register; until a person's consent can be established, their tag accounts for no face.
    /// </summary>
    private static int AccountedFor(ImageUnderCheck image, DraftUnderCheck draft) =>
        image.Tags.Count(tag => draft.People.Find(tag) is { } person && draft.People.HasValidConsent(person, draft.Channels, draft.EffectivePublishAt));

    private static JsonObject Evidence(ImageUnderCheck image, IEnumerable<FaceReport> faces, IdentifiabilityRule rule) => new()
    {
        ["image"] = image.Index,
        ["file"] = image.FileName,
        ["displayWidth"] = rule.DisplayWidth,
        ["faces"] = new JsonArray([.. faces.Select(f => (JsonNode)new JsonObject
        {
            ["box"] = new JsonObject { ["x"] = f.Box.X, ["y"] = f.Box.Y, ["width"] = f.Box.Width, ["height"] = f.Box.Height },
            ["score"] = f.Score,
            ["identifiable"] = f.Identifiable,
        })]),
    };
}
