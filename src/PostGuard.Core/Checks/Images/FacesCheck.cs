using System.Text.Json.Nodes;
using PostGuard.Core.Findings;
using PostGuard.Core.People;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Faces and people in photos, from each photo's <see cref="PhotoConsent"/> assessment. Every tag binds a
/// person to one face (or says the face is not visible); bindings decide, never counts:
/// - R1/R5: a face bound to a pupil or member of staff without valid consent for every channel of the
///   post on its publish date is a Block naming the person and boxing that face; so is a tagged person
///   without consent whose face is not chosen (any face may be theirs).
/// - R2: an identifiable face bound to nobody is a Hold boxing it; so is a tagged person with consent
///   whose face is not chosen ("tagged, no face matched", with the faces to choose from).
/// - A person marked "face not visible" needs no consent (R3: not identifiable), but one without
///   consent holds for the approver to confirm they cannot be recognised.
/// - R7 (strict policy): no photos of people at all, Block.
/// - R3: faces too small or unclear at the channel's display size need no consent (reported as info).
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
            var photo = PhotoConsent.Assess(report, image.Tags, draft.People, draft.Policy, draft.Channels, publishDate);
            findings.AddRange(FindingsFor(image, photo, draft, rule));
        }
        return ValueTask.FromResult<IReadOnlyList<Finding>>(findings);
    }

    private static IEnumerable<Finding> FindingsFor(ImageUnderCheck image, PhotoAssessment photo, DraftUnderCheck draft, IdentifiabilityRule rule)
    {
        var policy = draft.Policy;
        // A clip's faces are its face tracks: the same rules, and their times in the reasons and evidence.
        var label = image.Label;
        var small = photo.Faces.Where(f => f.Standing == FaceStanding.TooSmall).ToList();
        if (small.Count > 0)
        {
            yield return new Finding(UnidentifiableRule, Severity.Info,
                $"{label}: {small.Count} face(s) too small or unclear to identify at {rule.DisplayWidth} px wide; no consent needed.",
                Evidence(image, small, rule));
        }
        if (photo.PhotosOfPeopleForbidden)
        {
            var shown = photo.Faces.Where(f => f.Standing == FaceStanding.NotAllowed).ToList();
            var people = Math.Max(shown.Count, image.Tags.Count);
            if (people > 0)
            {
                yield return new Finding(StrictRule, policy.SeverityFor(StrictRule, Severity.Block),
                    $"{label} shows {people} identifiable person(s); this school's policy allows no photos of pupils or staff.",
                    Evidence(image, shown, rule),
                    "Use a photo without people, or blur every face.");
            }
            yield break;
        }

        foreach (var face in photo.Faces.Where(f => f.Standing == FaceStanding.NoConsent))
        {
            var person = face.Person!;
            var evidence = Evidence(image, [face], rule);
            evidence["face"] = face.Index;
            AddPerson(evidence, person, face.Missing);
            yield return new Finding(ConsentRule(person), policy.SeverityFor(ConsentRule(person), Severity.Block),
                $"{label}, face {Label(face)} is {person.DisplayName} ({KindName(person)}) without valid consent for this post: {string.Join("; ", face.Missing.Select(m => m.Why))}.",
                evidence,
                $"Remove this photo, or blur {person.DisplayName}'s face (approve a redacted version).");
        }

        var unbound = photo.Faces.Where(f => f.Tag is null && f.Standing != FaceStanding.TooSmall).ToList();
        foreach (var tag in photo.Unmatched)
        {
            if (tag.Person is not { } person)
            {
                yield return new Finding(AccountedForRule, policy.SeverityFor(AccountedForRule, Severity.Hold),
                    $"{label}: a tagged person ({tag.Tag.PersonId}) is no longer in the register, so their consent cannot be checked.",
                    Evidence(image, unbound, rule),
                    "Remove the tag, or restore the person in the register.");
            }
            else if (!tag.HasValidConsent)
            {
                var evidence = Evidence(image, unbound, rule);
                AddPerson(evidence, person, tag.Missing);
                yield return new Finding(ConsentRule(person), policy.SeverityFor(ConsentRule(person), Severity.Block),
                    $"{label} is tagged with {person.DisplayName} ({KindName(person)}) without valid consent for this post: {string.Join("; ", tag.Missing.Select(m => m.Why))}. No face is chosen as theirs, so any face may be.",
                    evidence,
                    $"Remove this photo, or choose {person.DisplayName}'s face and blur it (approve a redacted version).");
            }
            else
            {
                var evidence = Evidence(image, unbound, rule);
                AddPerson(evidence, person, []);
                evidence["unmatchedTag"] = true;
                yield return new Finding(AccountedForRule, policy.SeverityFor(AccountedForRule, Severity.Hold),
                    $"{label}: {person.DisplayName} is tagged, but no face is matched to them: choose their face, or mark their face as not visible.",
                    evidence,
                    $"Edit the draft and click {person.DisplayName}'s face on {label.ToLowerInvariant()} (the faces to choose from are boxed).");
            }
        }

        foreach (var tag in photo.NotVisible.Where(t => !t.HasValidConsent))
        {
            var evidence = Evidence(image, [], rule);
            if (tag.Person is { } person)
            {
                AddPerson(evidence, person, tag.Missing);
            }
            var consentRule = tag.Person is { } p ? ConsentRule(p) : AccountedForRule;
            var who = tag.Person is { } named ? $"{named.DisplayName} ({KindName(named)})" : $"a person no longer in the register ({tag.Tag.PersonId})";
            yield return new Finding(consentRule, Severity.Hold,
                $"{label}: {who} is marked as in the photo with the face not visible, without valid consent for this post{(tag.Missing.Count > 0 ? ": " + string.Join("; ", tag.Missing.Select(m => m.Why)) : "")}. Only an unrecognisable person needs no consent.",
                evidence,
                "Confirm they cannot be recognised (distance, from behind), or remove the photo.");
        }

        var unaccounted = photo.Faces.Where(f => f.Standing == FaceStanding.NotAccountedFor).ToList();
        if (unaccounted.Count > 0)
        {
            var identifiable = photo.Faces.Count(f => f.Face.Identifiable);
            yield return new Finding(AccountedForRule, policy.SeverityFor(AccountedForRule, Severity.Hold),
                $"{label}: {unaccounted.Count} of {identifiable} identifiable face(s) are not bound to a tagged person with valid photo consent (face {string.Join(", ", unaccounted.Select(Label))}).",
                Evidence(image, unaccounted, rule),
                "Say who each face is (their consent is checked), or blur the faces nobody accounts for.");
        }
    }

    /// <summary>A face's number in reasons: "2", or for a clip's face track "2 (seen 1.4-5.6 s)".</summary>
    private static string Label(FaceAssessment face) => face.Face.Track is { } track
        ? FormattableString.Invariant($"{face.Index + 1} (seen {track.FirstSeconds:0.0}-{track.LastSeconds:0.0} s)")
        : $"{face.Index + 1}";

    /// <summary>A face's box and score; for a clip's face track also when its best frame (which the box is on) is and when it is seen.</summary>
    private static JsonObject FaceEvidence(FaceAssessment f)
    {
        var evidence = new JsonObject
        {
            ["index"] = f.Index,
            ["box"] = new JsonObject { ["x"] = f.Face.Box.X, ["y"] = f.Face.Box.Y, ["width"] = f.Face.Box.Width, ["height"] = f.Face.Box.Height },
            ["score"] = f.Face.Score,
            ["identifiable"] = f.Face.Identifiable,
        };
        if (f.Face.Track is { } track)
        {
            evidence["seconds"] = track.Seconds;
            evidence["firstSeconds"] = track.FirstSeconds;
            evidence["lastSeconds"] = track.LastSeconds;
        }
        return evidence;
    }

    private static string ConsentRule(Person person) => person.Kind == PersonKind.Staff ? StaffRule : ChildRule;

    private static string KindName(Person person) => person.Kind == PersonKind.Staff ? "staff" : "pupil";

    private static void AddPerson(JsonObject evidence, Person person, IReadOnlyList<(string Use, string Why)> missing)
    {
        evidence["person"] = new JsonObject { ["id"] = person.Id.ToString(), ["name"] = person.DisplayName, ["kind"] = person.Kind.ToString() };
        if (missing.Count > 0)
        {
            evidence["missing"] = new JsonArray([.. missing.Select(m => (JsonNode)m.Use)]);
        }
    }

    private static JsonObject Evidence(ImageUnderCheck image, IEnumerable<FaceAssessment> faces, IdentifiabilityRule rule) => new()
    {
        ["image"] = image.Index,
        ["file"] = image.FileName,
        ["displayWidth"] = rule.DisplayWidth,
        ["faces"] = new JsonArray([.. faces.Select(f => (JsonNode)FaceEvidence(f))]),
    };
}
