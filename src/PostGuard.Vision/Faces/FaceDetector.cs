using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Faces;

/// <summary>
/// Finds faces of every size in a photo: the whole image letterboxed into the 256 back model (and the
/// 128 front model for close-ups), plus overlapping square tiles at one or more scales so that faces
/// down to <see cref="FaceDetectorOptions.MinFaceWidthFraction"/> of the image width reach the model at a
/// size it sees. Tile detections are mapped to image pixels and merged by weighted NMS; candidates the
/// detector is unsure of get a second, re-centred look (see <see cref="FaceDetectorOptions.SecondLookBelowScore"/>).
/// Thread-safe: create once, share (each call binds its own input and output buffers).
/// </summary>
public sealed class FaceDetector : IDisposable
{
    private readonly BlazeFaceModel _back;
    private readonly BlazeFaceModel? _front;

    public FaceDetector(BlazeFaceModel back, BlazeFaceModel? front, FaceDetectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(back);
        _back = back;
        _front = front;
        Options = options ?? FaceDetectorOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.LevelRatio, 1.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.MinFaceWidthFraction, 0.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Options.SmallestFaceInModelPixels, 0.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.TileOverlap, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxTiles, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MinFacePixels, 1.0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Options.TileOverlap, 0.9, nameof(options));
    }

    public FaceDetectorOptions Options { get; }

    /// <summary>
    /// The image width at which the finest tiles sample 1:1 (SmallestFaceInModelPixels / MinFaceWidthFraction, about 760 px by default):
    /// decoding more pixels than this adds time, not faces.
    /// </summary>
    public int WorkingWidth => (int)Math.Ceiling(Options.SmallestFaceInModelPixels / Options.MinFaceWidthFraction);

    /// <summary>Detects faces; boxes and keypoints are in pixels of <paramref name="image"/>.</summary>
    public IReadOnlyList<FaceDetection> Detect(RgbImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var candidates = new List<FaceDetection>();
        var side = Math.Max(image.Width, image.Height);
        var wholeX = (image.Width - side) / 2.0;
        var wholeY = (image.Height - side) / 2.0;
        // This call's own input and output memory, bound to the sessions once and reused for every run below.
        using var back = _back.CreateBuffers();
        using var front = _front?.CreateBuffers();
        RunWindow(_back, image, new Window(wholeX, wholeY, side, true, true, true, true), back, candidates);
        if (Options.UseFrontModel && _front is not null && front is not null)
        {
            RunWindow(_front, image, new Window(wholeX, wholeY, side, true, true, true, true), front, candidates);
        }
        foreach (var window in PlanTiles(image.Width, image.Height))
        {
            cancellationToken.ThrowIfCancellationRequested();
            RunWindow(_back, image, window, back, candidates);
        }
        var merged = SuppressContained(WeightedNonMaximumSuppression.Merge(candidates, Options.MergeIou));
        cancellationToken.ThrowIfCancellationRequested();
        return SecondLook(image, merged, back, front)
            .Select(d => Clip(d, image.Width, image.Height))
            .Where(d => d.Score >= Options.MinScore && d.Box.Width >= 2 && d.Box.Height >= 2)
            .OrderBy(d => d.Box.Y).ThenBy(d => d.Box.X)
            .ToList();
    }

    /// <summary>
    /// The tiles: square windows per level, overlapping, covering the image; each knows which of its edges are the image's.
    /// Faces smaller than <see cref="FaceDetectorOptions.MinFacePixels"/> are never looked for, and an image that would need
    /// more than <see cref="FaceDetectorOptions.MaxTiles"/> tiles (a long thin strip) gets larger tiles instead: the work per image is bounded.
    /// </summary>
    public IReadOnlyList<Window> PlanTiles(int width, int height)
    {
        var smallestFace = Math.Max(Options.MinFaceWidthFraction * width, Options.MinFacePixels);
        var finest = _back.InputSize * smallestFace / Options.SmallestFaceInModelPixels;
        while (true)
        {
            var windows = PlanLevels(width, height, finest);
            if (windows.Count <= Options.MaxTiles)
            {
                return windows;
            }
            finest *= 1.25;
        }
    }

    private List<Window> PlanLevels(int width, int height, double finest)
    {
        var windows = new List<Window>();
        var longSide = Math.Max(width, height);
        for (var tile = finest; tile < longSide * 0.7; tile *= Options.LevelRatio)
        {
            var overlap = tile * Options.TileOverlap;
            foreach (var x in Positions(width, tile, overlap))
            {
                foreach (var y in Positions(height, tile, overlap))
                {
                    windows.Add(new Window(x, y, tile, x <= 0, y <= 0, x + tile >= width, y + tile >= height));
                }
            }
        }
        return windows;
    }

    private static IEnumerable<double> Positions(int length, double tile, double overlap)
    {
        if (tile >= length)
        {
            yield return (length - tile) / 2;
            yield break;
        }
        var count = (int)Math.Ceiling((length - tile) / (tile - overlap)) + 1;
        for (var i = 0; i < count; i++)
        {
            yield return i * (length - tile) / (count - 1);
        }
    }

    private void RunWindow(BlazeFaceModel model, RgbImage image, Window window, BlazeFaceBuffers buffers, List<FaceDetection> into)
    {
        TensorSampler.Sample(image, window.X, window.Y, window.Side, model.InputSize, buffers.Input);
        var edgeTolerance = window.Side * 0.01;
        foreach (var raw in model.Run(buffers, Options.MinScore))
        {
            var box = new FaceBox(window.X + (raw.X * window.Side), window.Y + (raw.Y * window.Side), raw.Width * window.Side, raw.Height * window.Side);
            // A face cut by an inner tile edge is whole in the neighbouring tile (the overlap guarantees it): drop the partial one.
            if ((!window.LeftIsImageEdge && box.X < window.X + edgeTolerance)
                || (!window.TopIsImageEdge && box.Y < window.Y + edgeTolerance)
                || (!window.RightIsImageEdge && box.Right > window.X + window.Side - edgeTolerance)
                || (!window.BottomIsImageEdge && box.Bottom > window.Y + window.Side - edgeTolerance))
            {
                continue;
            }
            var keypoints = new FacePoint[6];
            for (var k = 0; k < 6; k++)
            {
                keypoints[k] = new FacePoint(window.X + (raw.Keypoints[2 * k] * window.Side), window.Y + (raw.Keypoints[(2 * k) + 1] * window.Side));
            }
            into.Add(new FaceDetection(box, keypoints, raw.Score));
        }
    }

    /// <summary>Re-scores uncertain candidates: mean of the first score and two re-centred looks (256 model, 4 crops per run; 128 model).</summary>
    private List<FaceDetection> SecondLook(RgbImage image, List<FaceDetection> candidates, BlazeFaceBuffers back, BlazeFaceBuffers? front)
    {
        var input = back.Input;
        var uncertain = candidates.Select((d, i) => (d, i)).Where(p => p.d.Score < Options.SecondLookBelowScore).ToList();
        if (uncertain.Count == 0)
        {
            return candidates;
        }
        var result = candidates.ToList();
        var backScores = new double[uncertain.Count];
        var cellSize = _back.InputSize / 2;
        for (var start = 0; start < uncertain.Count; start += 4)
        {
            Array.Fill(input, -1f);
            var windows = new List<(int Index, Window Window, TensorSampler.Cell Cell)>();
            for (var k = start; k < Math.Min(start + 4, uncertain.Count); k++)
            {
                var cell = new TensorSampler.Cell(_back.InputSize, ((k - start) % 2) * cellSize, ((k - start) / 2) * cellSize, cellSize);
                var window = CenteredWindow(uncertain[k].d.Box);
                TensorSampler.SampleInto(image, window.X, window.Y, window.Side, cell, input);
                windows.Add((k, window, cell));
            }
            var raws = _back.Run(back, 0.05);
            foreach (var (index, window, cell) in windows)
            {
                var s = (double)_back.InputSize;
                backScores[index] = BestOverlap(uncertain[index].d.Box, raws
                    .Where(r => r.X * s >= cell.X - 2 && r.Y * s >= cell.Y - 2 && (r.X + r.Width) * s <= cell.X + cell.Size + 2 && (r.Y + r.Height) * s <= cell.Y + cell.Size + 2)
                    .Select(r => (ToImage(window, ((r.X * s) - cell.X) / cell.Size, ((r.Y * s) - cell.Y) / cell.Size, r.Width * s / cell.Size, r.Height * s / cell.Size), r.Score)));
            }
        }
        for (var k = 0; k < uncertain.Count; k++)
        {
            var (d, i) = uncertain[k];
            var looks = d.Score + backScores[k];
            var count = 2;
            if (_front is not null && front is not null)
            {
                var window = CenteredWindow(d.Box);
                TensorSampler.Sample(image, window.X, window.Y, window.Side, _front.InputSize, front.Input);
                looks += BestOverlap(d.Box, _front.Run(front, 0.05).Select(r => (ToImage(window, r.X, r.Y, r.Width, r.Height), r.Score)));
                count++;
            }
            result[i] = d with { Score = looks / count };
        }
        return result;
    }

    private Window CenteredWindow(FaceBox box)
    {
        var side = Options.SecondLookContext * Math.Max(box.Width, box.Height);
        return new Window(box.CenterX - (side / 2), box.CenterY - (side / 2), side, true, true, true, true);
    }

    private static FaceBox ToImage(Window window, double x, double y, double width, double height) =>
        new(window.X + (x * window.Side), window.Y + (y * window.Side), width * window.Side, height * window.Side);

    private static double BestOverlap(FaceBox candidate, IEnumerable<(FaceBox Box, double Score)> looks) =>
        looks.Where(l => l.Box.IntersectionOverUnion(candidate) >= 0.3).Select(l => l.Score).DefaultIfEmpty(0).Max();

    /// <summary>Drops a detection lying mostly inside a better one (a face's part found at a finer scale).</summary>
    private static List<FaceDetection> SuppressContained(List<FaceDetection> detections)
    {
        var kept = new List<FaceDetection>();
        foreach (var d in detections.OrderByDescending(d => d.Score))
        {
            var contained = kept.Any(k =>
            {
                var w = Math.Min(k.Box.Right, d.Box.Right) - Math.Max(k.Box.X, d.Box.X);
                var h = Math.Min(k.Box.Bottom, d.Box.Bottom) - Math.Max(k.Box.Y, d.Box.Y);
                return w > 0 && h > 0 && w * h >= 0.7 * Math.Min(d.Box.Area, k.Box.Area);
            });
            if (!contained)
            {
                kept.Add(d);
            }
        }
        return kept;
    }

    private static FaceDetection Clip(FaceDetection d, int width, int height)
    {
        var x0 = Math.Clamp(d.Box.X, 0, width);
        var y0 = Math.Clamp(d.Box.Y, 0, height);
        var x1 = Math.Clamp(d.Box.Right, 0, width);
        var y1 = Math.Clamp(d.Box.Bottom, 0, height);
        return d with { Box = new FaceBox(x0, y0, x1 - x0, y1 - y0) };
    }

    public void Dispose()
    {
        _back.Dispose();
        _front?.Dispose();
    }

    /// <summary>A square window of the image (it may reach outside: letterbox), in image pixels.</summary>
    public readonly record struct Window(double X, double Y, double Side, bool LeftIsImageEdge, bool TopIsImageEdge, bool RightIsImageEdge, bool BottomIsImageEdge);
}
