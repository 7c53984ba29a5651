using PostGuard.Core.Submissions;

namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Which face of an analysed photo each tag is bound to. A binding that carries a box follows the
/// face whose box overlaps it best (IoU ≥ <see cref="MinOverlap"/>), so it survives a resubmission
/// and a new analysis of the same photo; a binding without a box names the face by its index. Two
/// bindings that land on one face bind neither (the face stays unaccounted for), and a binding whose
/// face is not found is unmatched, like a tag by id alone. This is the one place that matches tags
/// to faces: the checks, the pages, redaction and the check verb all read it.
/// </summary>
public static class FaceBindings
{
    public const double MinOverlap = 0.5;

    /// <summary>The tags of one photo against the faces its analysis found.</summary>
    public static ResolvedTags Resolve(IReadOnlyList<FaceReport> faces, IReadOnlyList<PhotoTag> tags)
    {
        var claims = new Dictionary<int, List<PhotoTag>>();
        var unmatched = new List<PhotoTag>();
        var notVisible = new List<PhotoTag>();
        foreach (var tag in tags)
        {
            switch (tag.Placement)
            {
                case TagPlacement.NotVisible:
                    notVisible.Add(tag);
                    break;
                case TagPlacement.Face when FaceOf(faces, tag) is { } face:
                    (claims.TryGetValue(face, out var list) ? list : claims[face] = []).Add(tag);
                    break;
                default:
                    unmatched.Add(tag);
                    break;
            }
        }
        var byFace = new Dictionary<int, PhotoTag>();
        foreach (var (face, claimants) in claims)
        {
            if (claimants.Count == 1)
            {
                byFace[face] = claimants[0];
            }
            else
            {
                unmatched.AddRange(claimants);
            }
        }
        return new ResolvedTags(byFace, unmatched, notVisible);
    }

    /// <summary>The index of the face a binding is on in this analysis, or null when it is not found.</summary>
    public static int? FaceOf(IReadOnlyList<FaceReport> faces, PhotoTag tag)
    {
        if (tag.Placement != TagPlacement.Face)
        {
            return null;
        }
        if (tag.FaceBox is { } box)
        {
            int? best = null;
            var bestOverlap = MinOverlap;
            for (var i = 0; i < faces.Count; i++)
            {
                var overlap = faces[i].Box.IntersectionOverUnion(box);
                if (overlap >= bestOverlap)
                {
                    (best, bestOverlap) = (i, overlap);
                }
            }
            return best;
        }
        return tag.FaceIndex is { } index && index >= 0 && index < faces.Count ? index : null;
    }
}

/// <param name="ByFace">Face index → the one tag bound to it.</param>
/// <param name="Unmatched">Tags placed on no face of this analysis: by id alone, a face not found, or two people on one face.</param>
/// <param name="NotVisible">Tags of people in the photo whose face is not visible.</param>
public sealed record ResolvedTags(IReadOnlyDictionary<int, PhotoTag> ByFace, IReadOnlyList<PhotoTag> Unmatched, IReadOnlyList<PhotoTag> NotVisible)
{
    public PhotoTag? TagOn(int face) => ByFace.GetValueOrDefault(face);
}
