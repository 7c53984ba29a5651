using PostGuard.Core.Checks.Images;
using PostGuard.Vision.Video;
using VisionFaceBox = PostGuard.Vision.Faces.FaceBox;

namespace PostGuard.Core.Review;

/// <summary>A clip's face tracks as stored in its report, turned back into Vision's tracks to redact them.</summary>
public static class ClipTracks
{
    /// <summary>The tracks of the chosen faces (track indices) of a clip's report.</summary>
    public static IReadOnlyList<FaceTrack> Chosen(ImageReport report, IEnumerable<int> faces)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(faces);
        return [.. faces.Select(i => ToFaceTrack(i, report.Faces[i]))];
    }

    public static FaceTrack ToFaceTrack(int index, FaceReport face)
    {
        ArgumentNullException.ThrowIfNull(face);
        var track = face.Track ?? throw new ArgumentException($"Face {index} is not a clip's face track.", nameof(face));
        var best = Box(face.Box);
        var points = track.Path.Count > 0
            ? track.Path.Select(p => new TrackedFace(p.Seconds, p.From, p.Until, Box(p.Box), p.Score)).ToList()
            : [new TrackedFace(track.Seconds, track.Seconds, track.Seconds, best, face.Score)];
        return new FaceTrack(index, points, new TrackBestFrame(track.Seconds, best, face.Score, [], 0, 0));
    }

    private static VisionFaceBox Box(FaceBox box) => new(box.X, box.Y, box.Width, box.Height);
}
