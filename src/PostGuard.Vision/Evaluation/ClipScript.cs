using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Evaluation;

/// <summary>The part of a photo the camera shows: its centre and width in photo pixels (the height follows the clip's shape).</summary>
public readonly record struct CameraView(double CenterX, double CenterY, double Width);

/// <summary>One shot of a scripted clip: a labelled photo filmed for <paramref name="Seconds"/>, the camera moving steadily from one view to another.</summary>
public sealed record ScriptedShot(string Name, RgbImage Photo, IReadOnlyList<FaceBox> Faces, double Seconds, CameraView From, CameraView To);

/// <summary>A labelled face as one frame shows it: which face, its box in clip pixels (cut at the frame's edges), and how much of it is inside the frame.</summary>
public sealed record ShownFace(string Id, FaceBox Box, double Visible);

/// <summary>
/// A test clip made from labelled photos: shots (pans, zooms, still views) one after another with hard cuts between them.
/// Every frame is rendered from its photo with the camera's view at that moment, so every face's box in every frame
/// follows exactly from the photo's labels: the clip's ground truth.
/// </summary>
public sealed class ClipScript
{
    public ClipScript(string name, int width, int height, int framesPerSecond, IReadOnlyList<ScriptedShot> shots)
    {
        ArgumentNullException.ThrowIfNull(shots);
        ArgumentOutOfRangeException.ThrowIfLessThan(shots.Count, 1);
        Name = name;
        Width = width;
        Height = height;
        FramesPerSecond = framesPerSecond;
        Shots = shots;
        var starts = new List<int>();
        var frames = 0;
        foreach (var shot in shots)
        {
            starts.Add(frames);
            frames += Math.Max(1, (int)Math.Round(shot.Seconds * framesPerSecond));
        }
        ShotStarts = starts;
        FrameCount = frames;
    }

    public string Name { get; }

    public int Width { get; }

    public int Height { get; }

    public int FramesPerSecond { get; }

    public IReadOnlyList<ScriptedShot> Shots { get; }

    /// <summary>The first frame of each shot.</summary>
    public IReadOnlyList<int> ShotStarts { get; }

    public int FrameCount { get; }

    public double DurationSeconds => (double)FrameCount / FramesPerSecond;

    /// <summary>The frame shown at a time (frames are 1/fps apart, starting at 0).</summary>
    public int FrameAt(double seconds) => Math.Clamp((int)Math.Round(seconds * FramesPerSecond), 0, FrameCount - 1);

    public int ShotOf(int frame)
    {
        var shot = 0;
        while (shot + 1 < ShotStarts.Count && ShotStarts[shot + 1] <= frame)
        {
            shot++;
        }
        return shot;
    }

    /// <summary>The whole-pixel part of the photo shown in a frame.</summary>
    public (int Shot, int X, int Y, int Width, int Height) CropAt(int frame)
    {
        var s = ShotOf(frame);
        var shot = Shots[s];
        var frames = (ShotStarts.Count > s + 1 ? ShotStarts[s + 1] : FrameCount) - ShotStarts[s];
        var progress = frames <= 1 ? 0 : (double)(frame - ShotStarts[s]) / (frames - 1);
        var cx = shot.From.CenterX + ((shot.To.CenterX - shot.From.CenterX) * progress);
        var cy = shot.From.CenterY + ((shot.To.CenterY - shot.From.CenterY) * progress);
        var w = shot.From.Width + ((shot.To.Width - shot.From.Width) * progress);
        var cw = Math.Max(1, (int)Math.Round(w));
        var ch = Math.Max(1, (int)Math.Round(w * Height / Width));
        return (s, (int)Math.Round(cx - (cw / 2.0)), (int)Math.Round(cy - (ch / 2.0)), cw, ch);
    }

    /// <summary>Renders a frame: the camera's view of the photo (black beyond its edges), resized to the clip's size.</summary>
    public RgbImage Render(int frame)
    {
        var (s, x, y, w, h) = CropAt(frame);
        var photo = Shots[s].Photo;
        var crop = new RgbImage(w, h);
        for (var row = 0; row < h; row++)
        {
            var py = y + row;
            if (py < 0 || py >= photo.Height)
            {
                continue;
            }
            var x0 = Math.Max(0, x);
            var x1 = Math.Min(photo.Width, x + w);
            if (x1 > x0)
            {
                photo.Pixels.AsSpan(((py * photo.Width) + x0) * 3, (x1 - x0) * 3).CopyTo(crop.Pixels.AsSpan(((row * w) + (x0 - x)) * 3));
            }
        }
        return w == Width && h == Height ? crop : ImageResizer.Resize(crop, Width, Height);
    }

    /// <summary>Every labelled face at least partly in the frame shown at <paramref name="seconds"/>.</summary>
    public IReadOnlyList<ShownFace> FacesAt(double seconds)
    {
        var frame = FrameAt(seconds);
        var (s, x, y, w, h) = CropAt(frame);
        var sx = (double)Width / w;
        var sy = (double)Height / h;
        var shown = new List<ShownFace>();
        var faces = Shots[s].Faces;
        for (var i = 0; i < faces.Count; i++)
        {
            var f = faces[i];
            var box = new FaceBox((f.X - x) * sx, (f.Y - y) * sy, f.Width * sx, f.Height * sy);
            var inside = box.Expand(0, Width, Height);
            if (inside.Area <= 0)
            {
                continue;
            }
            shown.Add(new ShownFace($"{Shots[s].Name}#{i}", inside, inside.Area / box.Area));
        }
        return shown;
    }
}
