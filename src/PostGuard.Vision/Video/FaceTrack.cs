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
    /// detections on consecutive analysed frames, each at least w wide and scoring at least <paramref name="minScore"/>,
    /// cover that long (each detection covering until the next analysed frame). A track shown for less than that in total
    /// counts at the smallest size of its longest run. 0 when no detection reaches the score.
    /// </summary>
    public double SustainedWidth(double minScore, double sustainSeconds)
    {
        var runs = new List<List<TrackedFace>>();
        foreach (var face in Faces.Where(f => f.Score >= minScore))
        {
            if (runs.Count > 0 && runs[^1][^1].UntilSeconds >= face.Seconds - 1e-6)
            {
                runs[^1].Add(face);
            }
            else
            {
                runs.Add([face]);
            }
        }
        if (runs.Count == 0)
        {
            return 0;
        }
        var required = Math.Min(sustainSeconds, runs.Max(r => r[^1].UntilSeconds - r[0].Seconds)) - 1e-6;
        var best = 0.0;
        foreach (var run in runs)
        {
            for (var i = 0; i < run.Count; i++)
            {
                var narrowest = double.PositiveInfinity;
                for (var j = i; j < run.Count; j++)
                {
                    narrowest = Math.Min(narrowest, run[j].Box.Width);
                    if (narrowest <= best)
                    {
                        break;
                    }
                    if (run[j].UntilSeconds - run[i].Seconds >= required)
                    {
                        best = narrowest;
                        break;
                    }
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
