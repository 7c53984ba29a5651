using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Video;

/// <summary>
/// Links the faces found on successive analysed frames into tracks. Each frame's detections are matched one-to-one to
/// the live tracks, nearest first, against three predictions of where each track's face is now: where it was, where its
/// own motion takes it, and where the camera's motion takes it (a pan or zoom moves every face alike: the shift and
/// scale that most faces of the last frame agree on). A detection matches when its centre is within half a face width of
/// a prediction and its size within <see cref="MaxSizeRatio"/>; otherwise it starts a track. A track ends at a cut or
/// after <c>maxGapSeconds</c> without a match. The thresholds lean towards splitting a person into two tracks (which
/// holds the post for a look) rather than joining two people into one (which could let a tag account for the wrong face).
/// </summary>
internal sealed class FaceTracker(double maxGapSeconds)
{
    /// <summary>Largest centre distance to a prediction, in face widths.</summary>
    public const double MaxCentreDistance = 0.5;

    /// <summary>Largest ratio between a detection's width and the predicted width.</summary>
    public const double MaxSizeRatio = 1.5;

    private readonly List<TrackBuilder> _live = [];
    private readonly List<TrackBuilder> _ended = [];
    private double? _previousSeconds;
    private int _nextId = 1;

    /// <summary>
    /// Adds one analysed frame's detections (clip pixels, any order). Returns the tracks whose best frame is now this one.
    /// </summary>
    public IReadOnlyList<TrackBuilder> Add(double seconds, bool isCut, IReadOnlyList<FaceDetection> detections)
    {
        ArgumentNullException.ThrowIfNull(detections);
        foreach (var track in _live)
        {
            track.CloseLast(seconds);
        }
        if (isCut)
        {
            _ended.AddRange(_live);
            _live.Clear();
        }
        for (var i = _live.Count - 1; i >= 0; i--)
        {
            if (seconds - _live[i].Last.Seconds > maxGapSeconds + 1e-6)
            {
                _ended.Add(_live[i]);
                _live.RemoveAt(i);
            }
        }
        var shownFrom = isCut || _previousSeconds is null ? seconds : _previousSeconds.Value;
        var camera = CameraMotion(detections);
        var pairs = new List<(int Tier, double Distance, int Track, int Detection)>();
        for (var t = 0; t < _live.Count; t++)
        {
            // Tracks seen on the last analysed frame choose first; tracks in a gap take what is left.
            var tier = _previousSeconds is { } p && Math.Abs(_live[t].Last.Seconds - p) < 1e-9 ? 0 : 1;
            foreach (var prediction in Predictions(_live[t], seconds, camera))
            {
                for (var d = 0; d < detections.Count; d++)
                {
                    if (Distance(prediction, detections[d].Box) is { } distance)
                    {
                        pairs.Add((tier, distance, t, d));
                    }
                }
            }
        }
        var trackTaken = new bool[_live.Count];
        var detectionTaken = new bool[detections.Count];
        var improved = new List<TrackBuilder>();
        foreach (var (_, _, t, d) in pairs.OrderBy(p => p.Tier).ThenBy(p => p.Distance))
        {
            if (trackTaken[t] || detectionTaken[d])
            {
                continue;
            }
            trackTaken[t] = detectionTaken[d] = true;
            if (_live[t].Add(seconds, shownFrom, detections[d]))
            {
                improved.Add(_live[t]);
            }
        }
        for (var d = 0; d < detections.Count; d++)
        {
            if (!detectionTaken[d])
            {
                var track = new TrackBuilder(_nextId++);
                track.Add(seconds, shownFrom, detections[d]);
                _live.Add(track);
                improved.Add(track);
            }
        }
        _previousSeconds = seconds;
        return improved;
    }

    /// <summary>Ends every track at <paramref name="endSeconds"/> (the end of the clip); returns them all, in order of appearance.</summary>
    public IReadOnlyList<TrackBuilder> Finish(double endSeconds)
    {
        foreach (var track in _live)
        {
            track.CloseLast(Math.Max(endSeconds, track.Last.Seconds));
        }
        _ended.AddRange(_live);
        _live.Clear();
        return [.. _ended.OrderBy(t => t.Id)];
    }

    /// <summary>Centre distance in face widths, or null when too far or too different in size.</summary>
    private static double? Distance(FaceBox predicted, FaceBox detected)
    {
        var ratio = Math.Max(predicted.Width, detected.Width) / Math.Max(1e-6, Math.Min(predicted.Width, detected.Width));
        if (ratio > MaxSizeRatio)
        {
            return null;
        }
        var width = Math.Max(predicted.Width, detected.Width);
        var dx = predicted.CenterX - detected.CenterX;
        var dy = predicted.CenterY - detected.CenterY;
        var distance = Math.Sqrt((dx * dx) + (dy * dy)) / width;
        return distance <= MaxCentreDistance ? distance : null;
    }

    /// <summary>
    /// Where the track's face may be now: where its own steady motion takes it and, unless that motion would have carried
    /// it well away (a face that was moving does not wait where it was lost), where it was last seen; and where the
    /// camera's motion takes it, for a track seen on the last frame.
    /// </summary>
    private IEnumerable<FaceBox> Predictions(TrackBuilder track, double seconds, (double Scale, double ShiftX, double ShiftY)? camera)
    {
        var (lastSeconds, last) = track.Last;
        var stayed = true;
        if (track.Count >= 2)
        {
            var (beforeSeconds, before) = track[track.Count - 2];
            var dt = lastSeconds - beforeSeconds;
            if (dt > 1e-6 && dt <= maxGapSeconds + 1e-6)
            {
                var ahead = (seconds - lastSeconds) / dt;
                var cx = last.Box.CenterX + ((last.Box.CenterX - before.Box.CenterX) * ahead);
                var cy = last.Box.CenterY + ((last.Box.CenterY - before.Box.CenterY) * ahead);
                var w = last.Box.Width * Math.Clamp(Math.Pow(last.Box.Width / before.Box.Width, ahead), 0.5, 2);
                var h = last.Box.Height * w / last.Box.Width;
                var moved = Math.Sqrt(Math.Pow(cx - last.Box.CenterX, 2) + Math.Pow(cy - last.Box.CenterY, 2));
                stayed = moved <= MaxCentreDistance * 0.5 * last.Box.Width;
                yield return new FaceBox(cx - (w / 2), cy - (h / 2), w, h);
            }
        }
        if (stayed)
        {
            yield return last.Box;
        }
        if (camera is { } c && _previousSeconds is { } previous && Math.Abs(lastSeconds - previous) < 1e-9)
        {
            yield return Move(last.Box, c);
        }
    }

    /// <summary>
    /// The camera's motion since the last frame: a scale and shift taken from one pair of (last-frame face, detection)
    /// of similar look, the one most other faces agree with. Needs two agreeing faces, or one face moving less than its
    /// width. Null when nothing agrees.
    /// </summary>
    private (double Scale, double ShiftX, double ShiftY)? CameraMotion(IReadOnlyList<FaceDetection> detections)
    {
        var recent = _live.Where(t => _previousSeconds is { } p && Math.Abs(t.Last.Seconds - p) < 1e-9).Select(t => t.Last.Face.Box).ToList();
        if (recent.Count == 0 || detections.Count == 0 || recent.Count * detections.Count > 2500)
        {
            return null;
        }
        (double Scale, double ShiftX, double ShiftY)? best = null;
        var bestCount = 0;
        var bestShift = double.PositiveInfinity;
        foreach (var from in recent)
        {
            foreach (var to in detections.Select(d => d.Box))
            {
                var scale = to.Width / from.Width;
                if (scale > MaxSizeRatio || scale < 1 / MaxSizeRatio)
                {
                    continue;
                }
                var motion = (scale, to.CenterX - (from.CenterX * scale), to.CenterY - (from.CenterY * scale));
                var count = recent.Count(r => detections.Any(d => Distance(Move(r, motion), d.Box) is not null));
                var moved = Math.Sqrt(Math.Pow(to.CenterX - from.CenterX, 2) + Math.Pow(to.CenterY - from.CenterY, 2));
                if (count < 2 && moved > from.Width)
                {
                    continue;
                }
                if (count > bestCount || (count == bestCount && moved < bestShift))
                {
                    (best, bestCount, bestShift) = (motion, count, moved);
                }
            }
        }
        return best;
    }

    private static FaceBox Move(FaceBox box, (double Scale, double ShiftX, double ShiftY) motion)
    {
        var w = box.Width * motion.Scale;
        var h = box.Height * motion.Scale;
        var cx = (box.CenterX * motion.Scale) + motion.ShiftX;
        var cy = (box.CenterY * motion.Scale) + motion.ShiftY;
        return new FaceBox(cx - (w / 2), cy - (h / 2), w, h);
    }
}

/// <summary>A track while it is built: its detections so far and which one is its best.</summary>
internal sealed class TrackBuilder(int id)
{
    private readonly List<(double Seconds, double From, double? Until, FaceDetection Face)> _faces = [];

    public int Id { get; } = id;

    public int BestIndex { get; private set; } = -1;

    public TrackBestFrame? Best { get; set; }

    public (double Seconds, FaceDetection Face) Last => (_faces[^1].Seconds, _faces[^1].Face);

    public int Count => _faces.Count;

    public (double Seconds, FaceDetection Face) this[int index] => (_faces[index].Seconds, _faces[index].Face);

    public FaceDetection BestFace => _faces[BestIndex].Face;

    public double BestSeconds => _faces[BestIndex].Seconds;

    /// <summary>Adds a detection; true when it becomes the track's best (width × score at least 10 % better).</summary>
    public bool Add(double seconds, double from, FaceDetection face)
    {
        _faces.Add((seconds, from, null, face));
        var quality = face.Box.Width * face.Score;
        if (BestIndex < 0 || quality > _faces[BestIndex].Face.Box.Width * _faces[BestIndex].Face.Score * 1.1)
        {
            BestIndex = _faces.Count - 1;
            return true;
        }
        return false;
    }

    /// <summary>The next analysed frame (or cut, or end) came: the last detection covered until then.</summary>
    public void CloseLast(double seconds)
    {
        if (_faces[^1].Until is null)
        {
            _faces[^1] = _faces[^1] with { Until = seconds };
        }
    }

    public FaceTrack Build() =>
        new(Id, [.. _faces.Select(f => new TrackedFace(f.Seconds, f.From, f.Until ?? f.Seconds, f.Face.Box, f.Face.Score))],
            Best ?? throw new InvalidOperationException($"Track {Id} has no best frame."));
}
