using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Video;

/// <summary>
/// One face followed through a clip: its detections on the analysed frames (in time order, boxes in pixels of the clip
/// as displayed) and its best frame. A track never continues across a cut. One person may leave several tracks (when the
/// face is lost for longer than the allowed gap); tracks are built so that one track does not hold two people.
/// </summary>
public sealed record FaceTrack(int Id, IReadOnlyList<TrackedFace> Faces, TrackBestFrame Best)
{
    public double FirstSeconds => Faces[0].Seconds;

    public double LastSeconds => Faces[^1].Seconds;

    /// <summary>From the frame analysed before the first detection to the one after the last: when the face may be on screen.</summary>
    public double ShownFromSeconds => Faces[0].FromSeconds;

    public double ShownUntilSeconds => Faces[^1].UntilSeconds;

    /// <summary>
    /// The largest face width (clip pixels) the track keeps for <paramref name="sustainSeconds"/>: the largest w such that
    /// detections on consecutive analysed frames, each at least w wide, cover that long (each detection covering until the
    /// next analysed frame) with a mean score of at least <paramref name="minScore"/>. A track on screen for less than the
    /// sustain time must keep the size for all of its time on screen. One large or sure frame is not the track's size or
    /// confidence; 0 when no stretch is sure enough.
    /// </summary>
    public double SustainedWidth(double minScore, double sustainSeconds)
    {
        var required = Math.Min(sustainSeconds, Faces[^1].UntilSeconds - Faces[0].Seconds) - 1e-6;
        var best = 0.0;
        for (var i = 0; i < Faces.Count; i++)
        {
            var narrowest = double.PositiveInfinity;
            var scores = 0.0;
            for (var j = i; j < Faces.Count; j++)
            {
                if (j > i && Faces[j - 1].UntilSeconds < Faces[j].Seconds - 1e-6)
                {
                    break;
                }
                narrowest = Math.Min(narrowest, Faces[j].Box.Width);
                scores += Faces[j].Score;
                if (narrowest <= best)
                {
                    break;
                }
                if (Faces[j].UntilSeconds - Faces[i].Seconds >= required)
                {
                    if (scores / (j - i + 1) >= minScore)
                    {
                        best = narrowest;
                    }
                    break;
                }
            }
        }
        return best;
    }

    /// <summary>R3 for a track: its sustained face width, at the channel's display size, reaches the policy's identifiable width.</summary>
    public bool IsIdentifiable(Identifiability rule, int clipWidth, double sustainSeconds)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var width = SustainedWidth(rule.MinScore, sustainSeconds);
        return width > 0 && rule.IsIdentifiable(width, rule.MinScore, clipWidth);
    }
}
