using Microsoft.Extensions.Options;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Consent;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Tests.Checks.Images;

/// <summary>How tags bind people to faces, and what the faces check makes of each binding.</summary>
public sealed class FaceBindingTests
{
    private static readonly FaceReport Left = new(new FaceBox(100, 100, 80, 100), 0.95, true);
    private static readonly FaceReport Middle = new(new FaceBox(400, 110, 80, 100), 0.93, true);
    private static readonly FaceReport Right = new(new FaceBox(700, 90, 80, 100), 0.91, true);
    private static readonly FaceReport Far = new(new FaceBox(900, 40, 10, 12), 0.7, false);

    private static readonly Person Amelia = new(Guid.NewGuid(), PersonKind.Pupil, "Amelia", "Hughes");
    private static readonly Person Liam = new(Guid.NewGuid(), PersonKind.Pupil, "Liam", "O'Brien");
    private static readonly Person Priya = new(Guid.NewGuid(), PersonKind.Staff, "Priya", "Patel");

    private static ConsentRecord Granted(Person person) => new()
    {
        Id = Guid.NewGuid(), PersonId = person.Id, Use = ConsentUses.SocialMedia, Status = ConsentStatus.Granted, GivenBy = "parent",
        ValidFrom = new DateOnly(2026, 9, 1), ValidUntil = new DateOnly(2027, 8, 31), RecordedAt = DateTimeOffset.Parse("2026-09-02T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), RecordedBy = "office",
    };

    /// <summary>Amelia and Priya consented for social media; Liam did not.</summary>
    private static readonly PeopleRegister Register = new([Amelia, Liam, Priya], [Granted(Amelia), Granted(Priya)]);

    private static IReadOnlyList<Finding> Check(params PhotoTag[] tags) => Check([Left, Middle, Right, Far], tags);

    private static IReadOnlyList<Finding> Check(IReadOnlyList<FaceReport> faces, params PhotoTag[] tags)
    {
        var draft = new DraftUnderCheck
        {
            Text = "",
            Channels = [Channels.Instagram],
            PublishAt = DateTimeOffset.Parse("2026-11-27T16:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Images = [new ImageUnderCheck
            {
                Index = 0, FileName = "class.jpg", Content = ReadOnlyMemory<byte>.Empty, Tags = tags,
                Report = new ImageReport { Index = 0, FileName = "class.jpg", Width = 1200, Height = 800, Faces = faces },
            }],
            Policy = PolicyPresets.CreateConsentBased(),
            People = Register,
            AnalysedAt = DateTimeOffset.Parse("2026-11-20T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };
        return new FacesCheck().RunAsync(draft, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void One_consented_pupil_tagged_again_and_again_accounts_for_one_face_only()
    {
        // Before bindings, three tags of Amelia counted as three consented people and cleared the photo.
        var findings = Check(PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.Unplaced(Amelia.Id), PhotoTag.Unplaced(Amelia.Id));
        Assert.Equal(Decision.Hold, DecisionEngine.Decide(findings));
        var r2 = Assert.Single(findings, f => f.Rule == "R2" && f.Evidence?["person"] is null);
        Assert.Contains("2 of 3", r2.Reason);
        Assert.StartsWith("Photo 1: ", r2.Reason, StringComparison.Ordinal);
        Assert.Equal([1, 2], r2.Evidence!["faces"]!.AsArray().Select(f => (int)f!["index"]!));
    }

    [Fact]
    public void Each_face_is_decided_by_the_person_bound_to_it()
    {
        var findings = Check(PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.OnFace(Liam.Id, 1), PhotoTag.OnFace(Priya.Id, 2));
        Assert.Equal(Decision.Block, DecisionEngine.Decide(findings));
        var r1 = Assert.Single(findings, f => f.Rule == "R1");
        Assert.Contains("Liam O'Brien", r1.Reason);
        Assert.Equal(1, (int)r1.Evidence!["face"]!);
        Assert.Equal(400, (int)r1.Evidence["faces"]![0]!["box"]!["x"]!);
        Assert.DoesNotContain(findings, f => f.Rule is "R2" or "R5");

        var clean = Check(PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.OnFace(Priya.Id, 2), PhotoTag.OnFace(Liam.Id, 3));
        // Liam is bound to the far face: a face the uploader recognised needs consent, whatever its size.
        Assert.Equal(Decision.Block, DecisionEngine.Decide(clean));
        Assert.Contains(clean, f => f.Rule == "R2" && f.Reason.Contains("face 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Everyone_bound_and_consented_approves()
    {
        var findings = Check([Left, Right, Far], PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.OnFace(Priya.Id, 1));
        Assert.Equal(Decision.Approve, DecisionEngine.Decide(findings));
        Assert.Single(findings, f => f.Rule == "R3");
    }

    [Fact]
    public void A_binding_follows_its_face_by_box_when_the_faces_come_in_another_order()
    {
        // The box Amelia was bound to in an earlier analysis, now found second.
        var earlier = new FaceBox(405, 105, 82, 100);
        var resolved = FaceBindings.Resolve([Left, Middle, Right], [PhotoTag.OnFace(Amelia.Id, 0, earlier)]);
        Assert.Equal(Amelia.Id, resolved.TagOn(1)!.PersonId);
        Assert.Null(resolved.TagOn(0));

        var gone = FaceBindings.Resolve([Left, Right], [PhotoTag.OnFace(Amelia.Id, 1, earlier)]);
        Assert.Empty(gone.ByFace);
        Assert.Single(gone.Unmatched);
    }

    [Fact]
    public void Two_people_on_one_face_bind_neither()
    {
        var findings = Check(PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.OnFace(Priya.Id, 0, Left.Box));
        Assert.Equal(Decision.Hold, DecisionEngine.Decide(findings));
        Assert.Equal(2, findings.Count(f => f.Rule == "R2" && f.Evidence?["unmatchedTag"] is not null));
        Assert.Contains(findings, f => f.Rule == "R2" && f.Reason.Contains("3 of 3", StringComparison.Ordinal));
    }

    [Fact]
    public void A_person_tagged_without_a_face_holds_with_the_faces_to_choose_from_and_blocks_without_consent()
    {
        var findings = Check(PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.OnFace(Priya.Id, 2), PhotoTag.Unplaced(Liam.Id));
        var r1 = Assert.Single(findings, f => f.Rule == "R1");
        Assert.Contains("No face is chosen", r1.Reason);
        Assert.Equal([1], r1.Evidence!["faces"]!.AsArray().Select(f => (int)f!["index"]!));

        var consented = Check([Left, Far], PhotoTag.Unplaced(Amelia.Id));
        Assert.Equal(Decision.Hold, DecisionEngine.Decide(consented));
        var unmatched = Assert.Single(consented, f => f.Evidence?["unmatchedTag"] is not null);
        Assert.Contains("no face is matched", unmatched.Reason);
    }

    [Fact]
    public void A_person_whose_face_is_not_visible_needs_no_consent_but_one_without_it_holds()
    {
        Assert.Equal(Decision.Approve, DecisionEngine.Decide(Check([Far], PhotoTag.NotVisible(Amelia.Id))));
        var withoutConsent = Check([Far], PhotoTag.NotVisible(Liam.Id));
        Assert.Equal(Decision.Hold, DecisionEngine.Decide(withoutConsent));
        Assert.Contains(withoutConsent, f => f.Rule == "R1" && f.Severity == Severity.Hold && f.Reason.Contains("not visible", StringComparison.Ordinal));
    }

    [Fact]
    public void Redaction_chooses_the_faces_that_block_or_nobody_accounts_for()
    {
        var report = new ImageReport { Index = 0, FileName = "class.jpg", Width = 1200, Height = 800, Faces = [Left, Middle, Right, Far] };
        var photo = PhotoConsent.Assess(report, [PhotoTag.OnFace(Amelia.Id, 0), PhotoTag.OnFace(Liam.Id, 1)], Register, PolicyPresets.CreateConsentBased(), [Channels.Instagram], new DateOnly(2026, 11, 27));
        Assert.Equal([1, 2], photo.FacesToRedact);
        Assert.Equal(FaceStanding.Consented, photo.Faces[0].Standing);
        Assert.Equal(FaceStanding.TooSmall, photo.Faces[3].Standing);
    }

    [Fact]
    public void Tags_are_validated_per_photo_naming_the_field()
    {
        var validator = new DraftValidator(Options.Create(new SubmissionLimits { MaxTagsPerImage = 3 }));
        var jpeg = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0 };
        NewDraft Draft(params NewTag[] tags) => new() { Text = "", Channels = [Channels.Instagram], Images = [new NewDraftImage("a.jpg", "", jpeg, tags)] };
        var a = Amelia.Id.ToString();
        var l = Liam.Id.ToString();

        var twice = Assert.Throws<Submissions.InputValidationException>(() => validator.Validate(Draft(new NewTag(a, TagPlacement.Face, 0), NewTag.Plain(a)), PolicyPresets.CreateConsentBased()));
        Assert.Equal("draft.images[0].tags[1]", Assert.Single(twice.Errors).Field);
        var oneFace = Assert.Throws<Submissions.InputValidationException>(() => validator.Validate(Draft(new NewTag(a, TagPlacement.Face, 2), new NewTag(l, TagPlacement.Face, 2)), PolicyPresets.CreateConsentBased()));
        Assert.Equal("draft.images[0].tags[1].face", Assert.Single(oneFace.Errors).Field);
        var negative = Assert.Throws<Submissions.InputValidationException>(() => validator.Validate(Draft(new NewTag(a, TagPlacement.Face, -1), new NewTag("x", TagPlacement.NotVisible)), PolicyPresets.CreateConsentBased()));
        Assert.Equal(["draft.images[0].tags[0].face", "draft.images[0].tags[1].person"], negative.Errors.Select(e => e.Field));
        var many = Assert.Throws<Submissions.InputValidationException>(() => validator.Validate(Draft([.. Enumerable.Range(0, 4).Select(_ => NewTag.Plain(Guid.NewGuid().ToString()))]), PolicyPresets.CreateConsentBased()));
        Assert.Equal("draft.images[0].tags", Assert.Single(many.Errors).Field);
        Assert.Equal(2, validator.Validate(Draft(new NewTag(a, TagPlacement.Face, 0), new NewTag(l, TagPlacement.NotVisible)), PolicyPresets.CreateConsentBased()).Images[0].Tags.Count);
    }

    [Fact]
    public void Findings_name_a_still_a_photo_and_a_video_a_clip_even_before_inspection()
    {
        var mp4Head = "\0\0\0\u0018ftypmp42\0\0\0\0mp42isom"u8.ToArray();
        Assert.Equal("Photo 3", new ImageUnderCheck { Index = 2, FileName = "a.jpg", Content = new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 } }.Label);
        Assert.Equal("Clip 3", new ImageUnderCheck { Index = 2, FileName = "a.mp4", Content = mp4Head }.Label);
        Assert.Equal("Clip 1", new ImageUnderCheck
        {
            Index = 0, FileName = "a.mp4", Content = ReadOnlyMemory<byte>.Empty,
            Report = new ImageReport { Index = 0, FileName = "a.mp4", Width = 1, Height = 1, DurationSeconds = 4.0 },
        }.Label);
    }
}
