using PostGuard.Core.Checks.Images;

namespace PostGuard.Core.Submissions;

/// <summary>Where a tag places its person in the photo.</summary>
public enum TagPlacement
{
    /// <summary>Tagged by id only (a first submission, before any face is known): accounts for no face.</summary>
    Unplaced,
    /// <summary>Bound to one detected face: that face is this person.</summary>
    Face,
    /// <summary>In the photo with the face not visible (from behind, far away): bound to no face.</summary>
    NotVisible,
}

/// <summary>
/// A person the uploader says is in a photo, and which face is theirs. A binding to a face names the
/// face's index in the analysis it referred to and, when that analysis is known, the face's box: in a
/// later analysis of the same photo the binding follows the face whose box overlaps it (IoU ≥ 0.5),
/// so nobody tags again after a resubmission.
/// </summary>
public sealed record PhotoTag(Guid PersonId, TagPlacement Placement, int? FaceIndex = null, FaceBox? FaceBox = null)
{
    public static PhotoTag Unplaced(Guid personId) => new(personId, TagPlacement.Unplaced);

    public static PhotoTag NotVisible(Guid personId) => new(personId, TagPlacement.NotVisible);

    public static PhotoTag OnFace(Guid personId, int faceIndex, FaceBox? box = null) => new(personId, TagPlacement.Face, faceIndex, box);
}
