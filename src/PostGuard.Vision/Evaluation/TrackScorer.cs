using System.Globalization;
using System.Text;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Evaluation;

/// <summary>
/// One person's face through one stretch of a scripted clip: the analysed frames where at least
/// <see cref="TrackScorer.VisibleFraction"/> of it is inside the frame, consecutively, with its true boxes.
/// </summary>
public sealed record TruthTrack(string Clip, string FaceId, IReadOnlyList<(double Seconds, FaceBox Box)> Frames, double SustainedDisplayWidth, bool Identifiable);

/// <summary>How one clip's tracks compare with its truth.</summary>
/// <param name="Clip">The clip's name.</param>
/// <param name="Truth">Every true track.</param>
/// <param name="Found">True tracks matched (IoU ≥ 0.4) on at least half their frames.</param>
/// <param name="IdentifiableFound">Identifiable true tracks found by a track that is itself judged identifiable.</param>
/// <param name="Fragments">For each found true track, how many detected tracks share it (1 is ideal).</param>
/// <param name="DetectedTracks">Tracks the inspector reported.</param>
/// <param name="MergedTracks">Detected tracks holding two different people's faces (the unsafe error).</param>
/// <param name="FalseTracks">Detected tracks none of whose detections overlaps a labelled face.</param>
/// <param name="FalseIdentifiableTracks">False tracks judged identifiable (they would hold a post for nothing).</param>
/// <param name="IdentifiableMisses">The identifiable true tracks not found, for the report.</param>
public sealed record ClipTrackScore(
    string Clip,
    IReadOnlyList<TruthTrack> Truth,
    int Found,
    int IdentifiableFound,
    IReadOnlyList<int> Fragments,
    int DetectedTracks,
    int MergedTracks,
    int FalseTracks,
    int FalseIdentifiableTracks,
    IReadOnlyList<string> IdentifiableMisses);

/// <summary>The evaluation over many clips.</summary>
public sealed record TrackReport(IReadOnlyList<ClipTrackScore> Clips, double MinScore)
{
    public int TruthTracks => Clips.Sum(c => c.Truth.Count);

    public int IdentifiableTruth => Clips.Sum(c => c.Truth.Count(t => t.Identifiable));

    public int IdentifiableFound => Clips.Sum(c => c.IdentifiableFound);

    public double IdentifiableRecall => IdentifiableTruth == 0 ? double.NaN : (double)IdentifiableFound / IdentifiableTruth;

    public double Recall => TruthTracks == 0 ? double.NaN : (double)Clips.Sum(c => c.Found) / TruthTracks;

    public double FragmentsPerFoundTrack => Clips.Sum(c => c.Fragments.Count) == 0 ? double.NaN : (double)Clips.Sum(c => c.Fragments.Sum()) / Clips.Sum(c => c.Fragments.Count);

    public int MergedTracks => Clips.Sum(c => c.MergedTracks);

    public int PeopleLessClips => Clips.Count(c => c.Truth.Count == 0);

    public int FalseTracksOnPeopleLessClips => Clips.Where(c => c.Truth.Count == 0).Sum(c => c.FalseTracks);

    public int FalseIdentifiableTracksOnPeopleLessClips => Clips.Where(c => c.Truth.Count == 0).Sum(c => c.FalseIdentifiableTracks);

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var s = new StringBuilder();
        s.AppendLine(c, $"identifiable = sustained width >= {DetectionScorer.IdentifiablePixels} px @ {DetectionScorer.ReferenceDisplayWidth}, score >= {MinScore:F2}; match IoU >= {TrackScorer.MatchIou}");
        s.AppendLine("clip                      truth  ident  found  ident-found  fragments  tracks  merged  false  false-ident");
        foreach (var clip in Clips)
        {
            s.AppendLine(c, $"{clip.Clip,-25} {clip.Truth.Count,5} {clip.Truth.Count(t => t.Identifiable),6} {clip.Found,6} {clip.IdentifiableFound,12} {(clip.Fragments.Count == 0 ? 0 : clip.Fragments.Average()),10:F2} {clip.DetectedTracks,7} {clip.MergedTracks,7} {clip.FalseTracks,6} {clip.FalseIdentifiableTracks,12}");
        }
        s.AppendLine(c, $"identifiable track recall {IdentifiableRecall:F3} ({IdentifiableFound}/{IdentifiableTruth}); all tracks found {Recall:F3}; detected tracks per found person-stretch {FragmentsPerFoundTrack:F2}; merged tracks {MergedTracks}");
        s.AppendLine(c, $"people-less clips: {FalseTracksOnPeopleLessClips} false tracks ({FalseIdentifiableTracksOnPeopleLessClips} identifiable) on {PeopleLessClips} clips");
        foreach (var miss in Clips.SelectMany(x => x.IdentifiableMisses))
        {
            s.AppendLine(c, $"  missed: {miss}");
        }
        return s.ToString();
    }
}

/// <summary>Scores an inspection of a scripted clip against the clip's labels.</summary>
public static class TrackScorer
{
    public const double MatchIou = DetectionScorer.MatchIou;

    /// <summary>A face at least this much inside the frame must be found; one cut further by the frame's edge may be found or not.</summary>
    public const double VisibleFraction = 0.8;

    public static ClipTrackScore Score(ClipScript script, ClipInspection inspection, Identifiability rule, double sustainSeconds)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(rule);
        var truth = TruthTracks(script, inspection, rule, sustainSeconds);
        // (truth track index, or -1 for a face cut by the frame's edge, or null for no face) per detection of each track.
        var matches = inspection.Tracks.Select(track => track.Faces.Select(f => Match(script, truth, f)).ToList()).ToList();
        var found = 0;
        var identifiableFound = 0;
        var fragments = new List<int>();
        var misses = new List<string>();
        for (var t = 0; t < truth.Count; t++)
        {
            var sharing = Enumerable.Range(0, inspection.Tracks.Count).Where(k => matches[k].Any(m => m?.Truth == t)).ToList();
            var covered = truth[t].Frames.Count(frame => sharing.Any(k =>
                inspection.Tracks[k].Faces.Select((f, i) => (f, i)).Any(p => Math.Abs(p.f.Seconds - frame.Seconds) < 1e-6 && matches[k][p.i]?.Truth == t)));
            var isFound = covered * 2 >= truth[t].Frames.Count;
            if (isFound)
            {
                found++;
                fragments.Add(sharing.Count);
            }
            if (truth[t].Identifiable)
            {
                if (isFound && sharing.Any(k => inspection.Tracks[k].IsIdentifiable(rule, inspection.Width, sustainSeconds)))
                {
                    identifiableFound++;
                }
                else
                {
                    misses.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{script.Name} {truth[t].FaceId} {truth[t].Frames[0].Seconds:F2}-{truth[t].Frames[^1].Seconds:F2} s ({truth[t].SustainedDisplayWidth:F0} px @{rule.DisplayWidth}, covered {covered}/{truth[t].Frames.Count})"));
                }
            }
        }
        var merged = matches.Count(m => m.Where(x => x is { Truth: >= 0 }).Select(x => truth[x!.Value.Truth].FaceId).Distinct().Count() >= 2);
        var falseTracks = Enumerable.Range(0, inspection.Tracks.Count).Where(k => matches[k].All(x => x is null)).ToList();
        return new ClipTrackScore(
            script.Name, truth, found, identifiableFound, fragments, inspection.Tracks.Count, merged, falseTracks.Count,
            falseTracks.Count(k => inspection.Tracks[k].IsIdentifiable(rule, inspection.Width, sustainSeconds)), misses);
    }

    private static (int Truth, string FaceId)? Match(ClipScript script, IReadOnlyList<TruthTrack> truth, TrackedFace face)
    {
        var best = script.FacesAt(face.Seconds)
            .Select(s => (s, iou: s.Box.IntersectionOverUnion(face.Box)))
            .Where(p => p.iou >= MatchIou)
            .OrderByDescending(p => p.iou)
            .Select(p => p.s)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }
        for (var t = 0; t < truth.Count; t++)
        {
            if (truth[t].FaceId == best.Id && truth[t].Frames.Any(f => Math.Abs(f.Seconds - face.Seconds) < 1e-6))
            {
                return (t, best.Id);
            }
        }
        return (-1, best.Id);
    }

    /// <summary>The true tracks at the times the inspector analysed: stretches of consecutive analysed frames where a face is shown whole enough.</summary>
    public static IReadOnlyList<TruthTrack> TruthTracks(ClipScript script, ClipInspection inspection, Identifiability rule, double sustainSeconds)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(inspection);
        ArgumentNullException.ThrowIfNull(rule);
        var times = inspection.FrameTimes;
        var open = new Dictionary<string, List<(double Seconds, FaceBox Box, double Until)>>();
        var done = new List<(string Id, List<(double Seconds, FaceBox Box, double Until)> Frames)>();
        for (var i = 0; i < times.Count; i++)
        {
            var until = i + 1 < times.Count ? times[i + 1] : inspection.Header.VideoDurationSeconds;
            var shot = script.ShotOf(script.FrameAt(times[i]));
            var shown = script.FacesAt(times[i]).Where(f => f.Visible >= VisibleFraction).ToDictionary(f => f.Id);
            foreach (var id in open.Keys.ToList())
            {
                var wasShot = script.ShotOf(script.FrameAt(open[id][^1].Seconds));
                if (!shown.ContainsKey(id) || wasShot != shot)
                {
                    done.Add((id, open[id]));
                    open.Remove(id);
                }
            }
            foreach (var (id, face) in shown)
            {
                if (!open.TryGetValue(id, out var frames))
                {
                    open[id] = frames = [];
                }
                frames.Add((times[i], face.Box, until));
            }
        }
        done.AddRange(open.Select(p => (p.Key, p.Value)));
        return [.. done.Select(d =>
        {
            var faces = d.Frames.Select(f => new TrackedFace(f.Seconds, f.Seconds, f.Until, f.Box, 1)).ToList();
            var width = new FaceTrack(0, faces, new TrackBestFrame(0, faces[0].Box, 1, [], 0, 0)).SustainedWidth(0, sustainSeconds);
            var displayed = rule.DisplayedFaceWidth(width, inspection.Width);
            return new TruthTrack(script.Name, d.Id, [.. d.Frames.Select(f => (f.Seconds, f.Box))], displayed, displayed >= rule.MinFaceWidthPixels);
        })];
    }
}
