using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Video;

/// <summary>
/// Where a track's face may be at any moment of the clip, for redaction: between two detections the box moves
/// linearly and is grown by half the distance it moved (a face need not move in a straight line between analysed
/// frames); before the first detection (since the frame analysed before it) and after the last (until the frame
/// analysed after it) the box is held and grown by the track's speed over that time. Outside that span, nothing.
/// </summary>
public static class TrackCoverage
{
    /// <summary>The box to hide at <paramref name="seconds"/>, in clip pixels, or null when the face is not on screen then.</summary>
    public static FaceBox? BoxAt(FaceTrack track, double seconds)
    {
        ArgumentNullException.ThrowIfNull(track);
        var faces = track.Faces;
        if (seconds < track.ShownFromSeconds - 1e-6 || seconds > track.ShownUntilSeconds + 1e-6)
        {
            return null;
        }
        if (seconds <= faces[0].Seconds)
        {
            return Grow(faces[0].Box, Speed(faces, 0, 1) * (faces[0].Seconds - seconds));
        }
        if (seconds >= faces[^1].Seconds)
        {
            return Grow(faces[^1].Box, Speed(faces, faces.Count - 2, faces.Count - 1) * (seconds - faces[^1].Seconds));
        }
        var k = 0;
        while (faces[k + 1].Seconds < seconds)
        {
            k++;
        }
        var (a, b) = (faces[k], faces[k + 1]);
        var s = (seconds - a.Seconds) / (b.Seconds - a.Seconds);
        var box = new FaceBox(Lerp(a.Box.X, b.Box.X, s), Lerp(a.Box.Y, b.Box.Y, s), Lerp(a.Box.Width, b.Box.Width, s), Lerp(a.Box.Height, b.Box.Height, s));
        var moved = Math.Sqrt(Math.Pow(b.Box.CenterX - a.Box.CenterX, 2) + Math.Pow(b.Box.CenterY - a.Box.CenterY, 2));
        return Grow(box, (moved / 2) + (Math.Abs(b.Box.Width - a.Box.Width) / 4));
    }

    /// <summary>The boxes to hide in the frame at <paramref name="seconds"/>.</summary>
    public static IReadOnlyList<FaceBox> BoxesAt(IEnumerable<FaceTrack> tracks, double seconds)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        return [.. tracks.Select(t => BoxAt(t, seconds)).OfType<FaceBox>()];
    }

    /// <summary>Pixels per second between two detections (0 for a single detection), at most two face widths a second.</summary>
    private static double Speed(IReadOnlyList<TrackedFace> faces, int from, int to)
    {
        if (from < 0 || to >= faces.Count || from == to)
        {
            return faces[0].Box.Width * 0.5;
        }
        var dt = faces[to].Seconds - faces[from].Seconds;
        var moved = Math.Sqrt(Math.Pow(faces[to].Box.CenterX - faces[from].Box.CenterX, 2) + Math.Pow(faces[to].Box.CenterY - faces[from].Box.CenterY, 2));
        var widest = Math.Max(faces[to].Box.Width, faces[from].Box.Width);
        return dt <= 1e-6 ? widest * 0.5 : Math.Min(moved / dt, widest * 2);
    }

    private static double Lerp(double a, double b, double s) => a + ((b - a) * s);

    private static FaceBox Grow(FaceBox box, double by) => new(box.X - by, box.Y - by, box.Width + (2 * by), box.Height + (2 * by));
}
