using PostGuard.Core.People;
using PostGuard.Core.Policy;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Checks.Images;

/// <summary>Where one detected face stands: who it is and whether the post may show it.</summary>
public enum FaceStanding
{
    /// <summary>Bound to a person with valid consent for every channel of the post on its publish date.</summary>
    Consented,
    /// <summary>Identifiable and bound to nobody, or bound to someone no longer in the register (whatever its size): R2 Hold.</summary>
    NotAccountedFor,
    /// <summary>Bound to a pupil or member of staff without valid consent: R1/R5 Block.</summary>
    NoConsent,
    /// <summary>Too small or unclear to identify at the channel's display size, and bound to nobody (R3).</summary>
    TooSmall,
    /// <summary>The school's policy allows no photos of people at all (R7 strict).</summary>
    NotAllowed,
}

/// <summary>One face of a photo with its binding and standing.</summary>
/// <param name="Missing">The consent uses the post needs that the bound person lacks, with why (NoConsent only).</param>
public sealed record FaceAssessment(int Index, FaceReport Face, FaceStanding Standing, PhotoTag? Tag, Person? Person, IReadOnlyList<(string Use, string Why)> Missing)
{
    /// <summary>What redaction hides unless the approver says otherwise: the faces that block or nobody accounts for.</summary>
    public bool ShouldRedact => Standing is FaceStanding.NoConsent or FaceStanding.NotAccountedFor or FaceStanding.NotAllowed;
}

/// <summary>A tag placed on no face of this analysis, or on a face that is not visible.</summary>
/// <param name="Person">Null when the tagged person is no longer in the register.</param>
public sealed record TagAssessment(PhotoTag Tag, Person? Person, IReadOnlyList<(string Use, string Why)> Missing)
{
    public bool HasValidConsent => Person is not null && Missing.Count == 0;
}

/// <summary>Every face and tag of one photo, assessed against the register on the publish date.</summary>
public sealed record PhotoAssessment(int Image, IReadOnlyList<FaceAssessment> Faces, IReadOnlyList<TagAssessment> Unmatched, IReadOnlyList<TagAssessment> NotVisible, bool PhotosOfPeopleForbidden)
{
    /// <summary>The face indices redaction hides by default.</summary>
    public IReadOnlyList<int> FacesToRedact => [.. Faces.Where(f => f.ShouldRedact).Select(f => f.Index)];
}

/// <summary>
/// The consent rules for the people in a photo, as one pure function of the photo's analysis, its tags,
/// the register, the policy, the channels and the publish date. <see cref="FacesCheck"/> turns it into
/// findings; the pages colour faces with it; redaction preselects with it.
/// </summary>
public static class PhotoConsent
{
    public static PhotoAssessment Assess(ImageReport report, IReadOnlyList<PhotoTag> tags, PeopleRegister register, SchoolPolicy policy, IReadOnlyList<string> channels, DateOnly publishDate)
    {
        var forbidden = !policy.AllowPhotosOfPeople && policy.IsEnabled(FacesCheck.StrictRule);
        var resolved = FaceBindings.Resolve(report.Faces, tags);
        var faces = new List<FaceAssessment>(report.Faces.Count);
        for (var i = 0; i < report.Faces.Count; i++)
        {
            var face = report.Faces[i];
            var tag = resolved.TagOn(i);
            var person = tag is null ? null : register.Find(tag.PersonId);
            var missing = person is null ? [] : register.MissingConsent(person, channels, publishDate);
            var standing = (tag, person) switch
            {
                _ when forbidden && (face.Identifiable || tag is not null) => FaceStanding.NotAllowed,
                // A face the uploader recognised is identified, whatever its size: it needs consent.
                (not null, not null) => missing.Count == 0 ? FaceStanding.Consented : FaceStanding.NoConsent,
                // Bound to someone no longer in the register: nobody can say whether they consented.
                (not null, null) => FaceStanding.NotAccountedFor,
                _ when !face.Identifiable => FaceStanding.TooSmall,
                _ => FaceStanding.NotAccountedFor,
            };
            faces.Add(new FaceAssessment(i, face, standing, tag, person, standing == FaceStanding.NoConsent ? missing : []));
        }
        return new PhotoAssessment(report.Index, faces, [.. resolved.Unmatched.Select(Assess)], [.. resolved.NotVisible.Select(Assess)], forbidden);

        TagAssessment Assess(PhotoTag tag)
        {
            var person = register.Find(tag.PersonId);
            return new TagAssessment(tag, person, person is null ? [] : register.MissingConsent(person, channels, publishDate));
        }
    }
}
