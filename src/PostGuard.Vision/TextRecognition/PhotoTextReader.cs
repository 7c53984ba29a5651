using System.Text;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// Reads the words in a photo. The PP-OCRv4 detector searches the whole photo shrunk to
/// <see cref="TextReadingOptions.DetectionLongSide"/>; where it saw anything text-like it looks again finer
/// (small print beside a title), and it searches the given <see cref="CloserLook"/> windows (below faces, for
/// badges) at a scale that makes small words legible, all within a bound on detector pixels. The orientation model
/// turns upside-down lines round, and the recogniser reads at most <see cref="TextReadingOptions.MaxLines"/> lines,
/// each from pixels fine enough for it. A finer decode is asked for only where it is needed (small words glimpsed, or a line
/// too small in the first copy), and only of that part of the photo; a line is read from the finest copy that shows it.
/// A photo without text costs one small detector run plus its closer looks. Thread-safe: create once, share.
/// </summary>
public sealed class PhotoTextReader : IDisposable
{
    /// <summary>Windows are never enlarged more than this (detector pixels per image pixel): finer still needs pixels the copy does not have.</summary>
    private const double MaxUpsampling = 2.0;

    private readonly TextDetectorModel _detector;
    private readonly TextOrientationModel _orientation;
    private readonly TextRecognizerModel _recognizer;

    public PhotoTextReader(TextDetectorModel detector, TextOrientationModel orientation, TextRecognizerModel recognizer, TextReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(orientation);
        ArgumentNullException.ThrowIfNull(recognizer);
        _detector = detector;
        _orientation = orientation;
        _recognizer = recognizer;
        Options = options ?? TextReadingOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.DetectionLongSide, TextDetectorModel.SideMultiple, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.SecondLookLongSide, Options.DetectionLongSide, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxLines, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.RecognitionBatch, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(Options.MaxRecognitionWidth, 48, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(Options.MaxExtraDetectionPixels, nameof(options));
    }

    public TextReadingOptions Options { get; }

    /// <summary>
    /// A copy of the photo, or of a part of it: its pixels, how many of them there are per displayed pixel, and the displayed
    /// pixel its top-left corner shows (0, 0 for a copy of the whole photo).
    /// </summary>
    public sealed record Pixels(RgbImage Image, double Scale)
    {
        public double OriginX { get; init; }

        public double OriginY { get; init; }

        /// <summary>The part of the photo the copy shows, in displayed pixels.</summary>
        public TextBox Area => new(OriginX, OriginY, Image.Width / Scale, Image.Height / Scale);

        internal TextBox ToCopy(TextBox displayed) => new((displayed.X - OriginX) * Scale, (displayed.Y - OriginY) * Scale, displayed.Width * Scale, displayed.Height * Scale);

        internal TextQuad ToCopy(TextQuad displayed) => displayed.Shift(-OriginX, -OriginY).Scale(Scale);

        internal TextQuad ToDisplay(TextQuad copy) => copy.Scale(1 / Scale).Shift(OriginX, OriginY);

        internal TextBox ToDisplay(TextBox copy) => new((copy.X / Scale) + OriginX, (copy.Y / Scale) + OriginY, copy.Width / Scale, copy.Height / Scale);

        /// <summary>True when the copy shows all of <paramref name="displayed"/> (to within a displayed pixel).</summary>
        internal bool Covers(TextBox displayed)
        {
            var area = Area;
            return displayed.X >= area.X - 1 && displayed.Y >= area.Y - 1 && displayed.Right <= area.Right + 1 && displayed.Bottom <= area.Bottom + 1;
        }
    }

    /// <summary>
    /// Finds and reads the lines of text in <paramref name="first"/> (a copy of the whole photo). <paramref name="finer"/> is asked, at
    /// most twice, for a copy at least the given number of pixels wide (were it of the whole photo) showing at least the given part of
    /// it (displayed pixels): where small words need more pixels than the first copy has (to find them, or to read them); it may return
    /// a copy as fine as it has, of that part or of more. Boxes are in displayed pixels.
    /// </summary>
    public IReadOnlyList<TextLine> Read(Pixels first, IReadOnlyList<CloserLook>? closerLooks = null, Func<int, TextBox, Pixels>? finer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        var found = Find(first, closerLooks, finer, cancellationToken);
        List<Pixels> copies = found.Finer is { } finerCopy ? [first, finerCopy] : [first];
        if (finer is not null && TooCoarseToRead(copies, found) is { } request)
        {
            var extra = finer(request.Width, request.Area);
            if (extra.Covers(request.Area) && extra.Scale > Finest(copies, request.Area).Scale)
            {
                copies.Add(extra);
            }
        }
        return Recognise(copies, found, cancellationToken);
    }

    /// <summary>
    /// The copy still needed to read the lines too small in every copy at hand: its width (were it of the whole photo) and the part of
    /// the photo those lines lie in; null when none is too small.
    /// </summary>
    private static (int Width, TextBox Area)? TooCoarseToRead(IReadOnlyList<Pixels> copies, FoundText found)
    {
        var small = found.Lines.Where(q => Math.Min(q.Height, q.Width) * Finest(copies, q.Bounds).Scale < found.RecognitionLineHeight).ToList();
        if (small.Count == 0)
        {
            return null;
        }
        var first = copies[0];
        var area = small.Select(q => Grown(q.Bounds, Math.Min(q.Height, q.Width))).Aggregate((a, b) => a.Union(b)).Clip(first.Area.Width, first.Area.Height);
        var smallest = Math.Max(1, small.Min(q => Math.Min(q.Height, q.Width)));
        return ((int)Math.Min(int.MaxValue / 4, Math.Ceiling(first.Area.Width * found.RecognitionLineHeight / smallest)), area);
    }

    /// <summary>The finest of the copies that shows all of <paramref name="displayed"/> (the first, of the whole photo, always does).</summary>
    private static Pixels Finest(IReadOnlyList<Pixels> copies, TextBox displayed) =>
        copies.Where(c => c.Covers(displayed)).DefaultIfEmpty(copies[0]).MaxBy(c => c.Scale)!;

    /// <summary>The box grown by <paramref name="margin"/> each side.</summary>
    private static TextBox Grown(TextBox box, double margin) => new(box.X - margin, box.Y - margin, box.Width + (2 * margin), box.Height + (2 * margin));

    /// <summary>
    /// Where the lines of text are, in displayed pixels (the first step of <see cref="Read"/>); <paramref name="finer"/>, when given,
    /// is asked once for a finer copy if small words were glimpsed where the first copy is too coarse to find them well.
    /// </summary>
    public FoundText Find(Pixels first, IReadOnlyList<CloserLook>? closerLooks = null, Func<int, TextBox, Pixels>? finer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(first);
        var (lines, finerCopy) = FindLines(first, closerLooks ?? [], finer, cancellationToken);
        return new FoundText(lines, Options.RecognitionLineHeight) { Finer = finerCopy };
    }

    /// <summary>Reads the lines found, each from the finest of <paramref name="copies"/> that shows it (the first is of the whole photo).</summary>
    public IReadOnlyList<TextLine> Recognise(IReadOnlyList<Pixels> copies, FoundText found, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copies);
        ArgumentNullException.ThrowIfNull(found);
        ArgumentOutOfRangeException.ThrowIfZero(copies.Count, nameof(copies));
        var result = new List<TextLine>();
        foreach (var group in found.Lines.GroupBy(q => Finest(copies, q.Bounds)))
        {
            result.AddRange(Recognise(group.Key, [.. group], cancellationToken));
        }
        return [.. result.OrderBy(l => l.Box.Y).ThenBy(l => l.Box.X)];
    }

    private List<TextLine> Recognise(Pixels source, List<TextQuad> lines, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var quads = lines.Select(source.ToCopy).Select(q => q.Height >= 1.5 * q.Width ? q.QuarterTurn() : q).ToList();
        // A line the orientation model takes for upside down is read both ways round and the surer reading kept: the model
        // is wrong now and then on small, tilted lines, and reading a flipped line costs one more recogniser run for it alone.
        var upsideDown = _orientation.UpsideDown(source.Image, quads);
        var flipped = Enumerable.Range(0, quads.Count).Where(i => upsideDown[i] >= Options.UpsideDownThreshold).ToList();
        cancellationToken.ThrowIfCancellationRequested();
        var readings = _recognizer.Recognize(source.Image, [.. quads, .. flipped.Select(i => quads[i].HalfTurn())], Options.MaxRecognitionWidth, Options.RecognitionBatch, cancellationToken).ToList();
        for (var k = 0; k < flipped.Count; k++)
        {
            var i = flipped[k];
            if (readings[quads.Count + k].Confidence > readings[i].Confidence)
            {
                readings[i] = readings[quads.Count + k];
                quads[i] = quads[i].HalfTurn();
            }
        }

        var result = new List<TextLine>();
        for (var i = 0; i < quads.Count; i++)
        {
            var reading = readings[i];
            if (reading.Characters.Count == 0 || reading.Confidence < Options.MinConfidence)
            {
                continue;
            }
            var quad = source.ToDisplay(quads[i]);
            var words = Words(reading, quad);
            if (words.Count == 0)
            {
                continue;
            }
            result.Add(new TextLine(string.Join(' ', words.Select(w => w.Text)), Math.Round(reading.Confidence, 3), quad, quad.Bounds, words));
        }
        return result;
    }

    /// <summary>One detector run over an upright window, in displayed pixels, at a scale (detector pixels per displayed pixel).</summary>
    private sealed record SearchWindow(TextBox Box, double Scale)
    {
        public double Cost => Math.Ceiling(Box.Width * Scale / TextDetectorModel.SideMultiple) * TextDetectorModel.SideMultiple
            * Math.Ceiling(Box.Height * Scale / TextDetectorModel.SideMultiple) * TextDetectorModel.SideMultiple;
    }

    private sealed record FoundLine(TextQuad Quad, double Score, SearchWindow Window);

    /// <summary>Windows are searched in a copy that needs at most this much enlarging; beyond it a finer copy is worth its decode.</summary>
    private const double SharpEnough = 1.5;

    /// <summary>
    /// A glance below a face enlarges the first copy at most this much: a badge's name, a few pixels tall in it, shows to the detector only enlarged.
    /// The glance is at the scale the badge estimate asks (the finer search, if any, 1.5× finer): a badge's name still lights the map (peaks of
    /// 1.0, hundreds of pixels), at less than half the detector pixels of a glance 1.5× finer (8–9 ms instead of 17–20 on a 12-MP photo).
    /// </summary>
    private const double LookGlanceUpsampling = 3.0;

    /// <summary>A glance enlarges the first copy at most this much.</summary>
    private const double GlanceUpsampling = 1.25;

    /// <summary>A glance counts map values above this as text-like (fainter than a line needs): it only decides where to look closer.</summary>
    private const double GlanceThreshold = 0.12;

    /// <summary>Below a face the finer copy is searched this much finer than the badge estimate asks (names on badges vary in size).</summary>
    private const double CloserLookMargin = 1.5;

    /// <summary>Text lines in displayed pixels, the most certain first, at most MaxLines; and the finer copy decoded on the way, if any.</summary>
    private (List<TextQuad> Lines, Pixels? Finer) FindLines(Pixels first, IReadOnlyList<CloserLook> closerLooks, Func<int, TextBox, Pixels>? finer, CancellationToken cancellationToken)
    {
        var displayWidth = first.Image.Width / first.Scale;
        var displayHeight = first.Image.Height / first.Scale;
        var whole = new SearchWindow(new TextBox(0, 0, displayWidth, displayHeight), Math.Min(first.Scale, Options.DetectionLongSide / Math.Max(displayWidth, displayHeight)));
        var (found, active) = Search(first, whole);
        cancellationToken.ThrowIfCancellationRequested();

        var windows = new List<SearchWindow>();
        var secondScale = Options.SecondLookLongSide / Math.Max(displayWidth, displayHeight);
        windows.AddRange(Clusters(active, displayWidth, displayHeight).Select(box => new SearchWindow(box, secondScale)));
        var looks = new List<SearchWindow>();
        foreach (var look in closerLooks.OrderByDescending(l => l.TextHeight).Take(Options.MaxCloserLooks))
        {
            var box = look.Window.Clip(displayWidth, displayHeight);
            if (box.Width >= 4 && box.Height >= 4)
            {
                looks.Add(new SearchWindow(box, Options.CloserLookTextPixels / Math.Max(1e-6, look.TextHeight)));
            }
        }
        var budget = (double)Options.MaxExtraDetectionPixels;
        var needFiner = new List<SearchWindow>();
        foreach (var window in Merge([.. windows.Where(w => w.Scale > whole.Scale * 1.2)]).Select(w => (Window: w, Look: false))
            .Concat(Merge(looks).Select(w => (Window: w, Look: true))))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // In the first copy as asked where it is sharp enough. Wherever a finer copy is needed, a glance at the first copy first
            // (near its own resolution; below a face enlarged to the scale the badge's name needs, since a name a few pixels tall
            // in the first copy shows to the detector only enlarged): the finer copy is searched only where a glance saw something.
            var sharp = !window.Look && (window.Window.Scale <= first.Scale * SharpEnough || finer is null);
            var here = sharp ? window.Window with { Scale = Math.Min(window.Window.Scale, first.Scale * MaxUpsampling) }
                : window.Look ? window.Window with { Scale = Math.Min(window.Window.Scale, first.Scale * LookGlanceUpsampling) }
                : window.Window with { Scale = Math.Min(window.Window.Scale, first.Scale * GlanceUpsampling) };
            if (here.Scale <= whole.Scale * 1.2 && !window.Look)
            {
                continue;
            }
            if (!Afford(ref here, ref budget, window.Look ? 0 : whole.Scale))
            {
                continue;
            }
            var (lines, glimpsed) = Search(first, here, sharp ? Options.PixelThreshold : GlanceThreshold);
            if (sharp)
            {
                found.AddRange(lines);
            }
            else if (glimpsed.Count > 0 && finer is not null)
            {
                if (window.Look)
                {
                    needFiner.Add(window.Window with { Scale = window.Window.Scale * CloserLookMargin });
                }
                else
                {
                    needFiner.AddRange(Clusters(glimpsed, displayWidth, displayHeight)
                        .Select(box => new SearchWindow(box.Intersect(window.Window.Box), window.Window.Scale)).Where(w => w.Box.Width >= 2 && w.Box.Height >= 2));
                }
            }
            else
            {
                found.AddRange(lines);
            }
        }
        Pixels? finerCopy = null;
        if (needFiner.Count > 0 && finer is not null)
        {
            // Only the part of the photo where small words were glimpsed, and where lines already found are too small to read in the
            // first copy, is decoded finer: those lines are read from the finer copy too, and no second decode is needed for reading them.
            var tooSmall = Combine(found, displayWidth, displayHeight).OrderByDescending(f => f.Score).Take(Options.MaxLines).Select(f => f.Quad)
                .Where(q => Math.Min(q.Height, q.Width) * first.Scale < Options.RecognitionLineHeight);
            var area = needFiner.Select(w => w.Box).Concat(tooSmall.Select(q => Grown(q.Bounds, Math.Min(q.Height, q.Width))))
                .Aggregate((a, b) => a.Union(b)).Clip(displayWidth, displayHeight);
            var wanted = Math.Max(needFiner.Max(w => w.Scale), ReadingScale(found, displayWidth, displayHeight));
            finerCopy = finer((int)Math.Min(int.MaxValue / 4, Math.Ceiling(displayWidth * wanted)), area);
            if (finerCopy.Scale > first.Scale)
            {
                foreach (var window in Merge(needFiner))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var there = window with { Box = window.Box.Intersect(finerCopy.Area), Scale = Math.Min(window.Scale, finerCopy.Scale * MaxUpsampling) };
                    if (there.Box.Width >= 2 && there.Box.Height >= 2 && Afford(ref there, ref budget, whole.Scale))
                    {
                        found.AddRange(Search(finerCopy, there).Lines);
                    }
                }
            }
        }
        return ([.. Combine(found, displayWidth, displayHeight).OrderByDescending(f => f.Score).Take(Options.MaxLines).Select(f => f.Quad)], finerCopy);
    }

    /// <summary>Copy pixels per displayed pixel at which the smallest of the lines found so far is tall enough to read (0 when none).</summary>
    private double ReadingScale(List<FoundLine> found, double displayWidth, double displayHeight)
    {
        var lines = Combine(found, displayWidth, displayHeight).OrderByDescending(f => f.Score).Take(Options.MaxLines).ToList();
        return lines.Count == 0 ? 0 : Options.RecognitionLineHeight / Math.Max(1, lines.Min(f => Math.Min(f.Quad.Height, f.Quad.Width)));
    }

    /// <summary>Shrinks the window's scale to what the remaining detector pixels pay for; false when that is no finer than the first search.</summary>
    private static bool Afford(ref SearchWindow window, ref double budget, double wholeScale)
    {
        if (window.Cost > budget)
        {
            window = window with { Scale = window.Scale * Math.Sqrt(budget / window.Cost) * 0.95 };
            if (window.Scale <= wholeScale * 1.2)
            {
                return false;
            }
        }
        budget -= window.Cost;
        return true;
    }

    /// <summary>One detector run over a window of a copy; lines and text-like areas come back in displayed pixels.</summary>
    private (List<FoundLine> Lines, List<TextBox> Active) Search(Pixels copy, SearchWindow window, double? pixelThreshold = null)
    {
        var box = copy.ToCopy(window.Box);
        var map = _detector.Run(copy.Image, box.X, box.Y, box.Width, box.Height, window.Scale / copy.Scale);
        var settings = new TextRegionFinder.Settings(pixelThreshold ?? Options.PixelThreshold, Options.BoxThreshold, Options.UnclipRatio, MaxRegions: Options.MaxLines * 2);
        var result = TextRegionFinder.Find(map.Values, map.Width, map.Height, settings);
        var lines = result.Regions.Select(r => new FoundLine(copy.ToDisplay(map.ToImage(r.Quad)), r.Score, window)).ToList();
        var active = result.Active.Select(a => copy.ToDisplay(new TextBox(map.OriginX + (a.X * map.PixelWidth), map.OriginY + (a.Y * map.PixelHeight), a.Width * map.PixelWidth, a.Height * map.PixelHeight))).ToList();
        return (lines, active);
    }

    /// <summary>
    /// Areas to look at again: each text-like area grown to the card, sign or board it is likely printed on (three line heights
    /// or half its length either side, six line heights or its length above and below), overlapping ones joined.
    /// </summary>
    private static List<TextBox> Clusters(List<TextBox> active, double width, double height)
    {
        var boxes = active.Select(a =>
        {
            var line = Math.Min(a.Height, a.Width);
            var length = Math.Max(a.Height, a.Width);
            var across = Math.Max(8, Math.Max(3 * line, 0.5 * length));
            var down = Math.Max(8, Math.Max(6 * line, length));
            return new TextBox(a.X - across, a.Y - down, a.Width + (2 * across), a.Height + (2 * down)).Clip(width, height);
        }).ToList();
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < boxes.Count && !merged; i++)
            {
                for (var j = i + 1; j < boxes.Count; j++)
                {
                    if (boxes[i].IntersectionArea(boxes[j]) > 0)
                    {
                        boxes[i] = boxes[i].Union(boxes[j]);
                        boxes.RemoveAt(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
        return boxes;
    }

    /// <summary>Overlapping windows of similar scale become one (at the finer scale), so nothing is searched twice.</summary>
    private static List<SearchWindow> Merge(List<SearchWindow> windows)
    {
        var result = windows.ToList();
        var merged = true;
        while (merged)
        {
            merged = false;
            for (var i = 0; i < result.Count && !merged; i++)
            {
                for (var j = i + 1; j < result.Count; j++)
                {
                    var (a, b) = (result[i], result[j]);
                    var ratio = Math.Max(a.Scale, b.Scale) / Math.Min(a.Scale, b.Scale);
                    var union = a.Box.Union(b.Box);
                    if (a.Box.IntersectionArea(b.Box) > 0 && ratio < 1.6 && union.Area <= 1.3 * (a.Box.Area + b.Box.Area - a.Box.IntersectionArea(b.Box)))
                    {
                        result[i] = new SearchWindow(union, Math.Max(a.Scale, b.Scale));
                        result.RemoveAt(j);
                        merged = true;
                        break;
                    }
                }
            }
        }
        return [.. result.OrderByDescending(w => w.Scale)];
    }

    /// <summary>
    /// One set of lines from all the searches, the finest first: a line cut by a window's inner edge is dropped (the search around
    /// it sees it whole); a line lying mostly on one already kept is the same line; a coarse line that a finer search saw whole
    /// and found other lines inside (words that ran together at the coarse scale) gives way to them.
    /// </summary>
    private static List<FoundLine> Combine(List<FoundLine> found, double width, double height)
    {
        var result = new List<FoundLine>();
        foreach (var line in found.Where(f => !CutByWindowEdge(f, width, height)).OrderByDescending(f => f.Window.Scale).ThenByDescending(f => f.Score))
        {
            var corners = line.Quad.Corners.ToList();
            var area = Math.Abs(Geometry.SignedArea(corners));
            var duplicate = result.Any(r =>
            {
                var keptCorners = r.Quad.Corners.ToList();
                var keptArea = Math.Abs(Geometry.SignedArea(keptCorners));
                var overlap = Geometry.IntersectionArea(corners, keptCorners);
                return overlap > 0.5 * Math.Min(area, keptArea)
                    || (r.Window.Scale > line.Window.Scale && Contains(r.Window.Box, line.Quad.Bounds) && overlap > 0.5 * keptArea);
            });
            if (!duplicate)
            {
                result.Add(line);
            }
        }
        return result;
    }

    private static bool Contains(TextBox outer, TextBox inner) =>
        inner.X >= outer.X - 1 && inner.Y >= outer.Y - 1 && inner.Right <= outer.Right + 1 && inner.Bottom <= outer.Bottom + 1;

    private static bool CutByWindowEdge(FoundLine line, double width, double height)
    {
        var w = line.Window.Box;
        var b = line.Quad.Bounds;
        var tolerance = 1.5 / line.Window.Scale;
        return (w.X > 0.5 && b.X <= w.X + tolerance)
            || (w.Y > 0.5 && b.Y <= w.Y + tolerance)
            || (w.Right < width - 0.5 && b.Right >= w.Right - tolerance)
            || (w.Bottom < height - 0.5 && b.Bottom >= w.Bottom - tolerance);
    }

    /// <summary>The line's words (see <see cref="WordSplitter"/>); each word's box spans its characters' columns, half a character either side.</summary>
    private static List<TextWord> Words(TextRecognizerModel.Reading reading, TextQuad quad)
    {
        var characters = reading.Characters.Where(c => !string.IsNullOrWhiteSpace(c.Text)).ToList();
        var spacing = characters.Count > 1
            ? (reading.Position(characters[^1].Column) - reading.Position(characters[0].Column)) / (characters.Count - 1)
            : 0.5;
        var half = Math.Max(spacing, (double)TextRecognizerModel.ColumnWidth / reading.InputWidth) * 0.6;
        var words = new List<TextWord>();
        foreach (var word in WordSplitter.Split(reading.Characters))
        {
            var text = Normalise(string.Concat(word.Select(c => c.Text)));
            if (text.Length > 0)
            {
                var from = reading.Position(word[0].Column) - half;
                var to = reading.Position(word[^1].Column) + half;
                words.Add(new TextWord(text, quad.Section(from, to).Bounds));
            }
        }
        return words;
    }

    /// <summary>Full-width letters and digits (the recogniser's alphabet has both) become ordinary ones; spaces inside go.</summary>
    private static string Normalise(string text)
    {
        var normal = text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(normal.Length);
        foreach (var c in normal)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    public void Dispose()
    {
        _detector.Dispose();
        _orientation.Dispose();
        _recognizer.Dispose();
    }
}
