using System.Text.Json.Nodes;
using PostGuard.Core.Findings;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Faces and people in photos. R1/R5: a tagged pupil or member of staff without valid consent for the
/// post's channels on its publish date is a Block, naming the person to the approver. R2: every
/// identifiable face must be accounted for by a tagged person with valid consent, otherwise Hold with
/// the face boxes. R7 (strict policy): no photos of people at all, Block.
/// R3: faces too small or unclear at the channel's display size need no consent (reported as info).
/// </summary>
public sealed class FacesCheck : IDraftCheck
{
    public const string ChildRule = "R1";
    public const string AccountedForRule = "R2";
    public const string StaffRule = "R5";
    public const string StrictRule = "R7";
    public const string UnidentifiableRule = "R3";

    public string Name => "faces";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var rule = IdentifiabilityRule.For(draft.Policy, draft.Channels);
        var publishDate = draft.PublishDate;
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
            if (!draft.Policy.AllowPhotosOfPeople && draft.Policy.IsEnabled(StrictRule))
            {
                if (identifiable.Count > 0 || image.Tags.Count > 0)
                {
                    findings.Add(new Finding(StrictRule, draft.Policy.SeverityFor(StrictRule, Severity.Block),
                        $"Image {image.Index + 1} shows {Math.Max(identifiable.Count, image.Tags.Count)} identifiable person(s); this school's policy allows no photos of pupils or staff.",
                        Evidence(image, identifiable, rule),
                        "Use a photo without people, or blur every face."));
                }
                continue;
            }
            var consented = 0;
            foreach (var tag in image.Tags)
            {
                var person = draft.People.Find(tag);
                if (person is null)
                {
                    continue; // no longer in the register: accounts for no face
                }
                var missing = draft.People.MissingConsent(person, draft.Channels, publishDate);
                if (missing.Count == 0)
                {
                    consented++;
                    continue;
                }
                var consentRule = person.Kind == People.PersonKind.Staff ? StaffRule : ChildRule;
                if (draft.Policy.IsEnabled(consentRule))
                {
                    var evidence = Evidence(image, identifiable, rule);
                    evidence["person"] = new JsonObject { ["id"] = person.Id.ToString(), ["name"] = person.DisplayName, ["kind"] = person.Kind.ToString() };
                    evidence["missing"] = new JsonArray([.. missing.Select(m => (JsonNode)m.Use)]);
                    findings.Add(new Finding(consentRule, draft.Policy.SeverityFor(consentRule, Severity.Block),
                        $"Image {image.Index + 1} shows {person.DisplayName} ({(person.Kind == People.PersonKind.Staff ? "staff" : "pupil")}) without valid consent for this post: {string.Join("; ", missing.Select(m => m.Why))}.",
                        evidence,
                        $"Remove this photo, or blur {person.DisplayName}'s face (approve a redacted version)."));
                }
            }
            var unaccounted = identifiable.Count - consented;
            if (unaccounted > 0 && draft.Policy.IsEnabled(AccountedForRule))
            {
                findings.Add(new Finding(AccountedForRule, draft.Policy.SeverityFor(AccountedForRule, Severity.Hold),
                    $"Image {image.Index + 1}: {unaccounted} of {identifiable.Count} identifiable face(s) are not accounted for by a tagged person with valid photo consent.",
                    Evidence(image, identifiable, rule),
                    "Tag everyone in the photo (their consent is checked), or blur the faces nobody accounts for."));
            }
        }
        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }

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
