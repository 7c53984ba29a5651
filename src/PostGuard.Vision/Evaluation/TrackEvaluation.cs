using System.Security.Cryptography;
using System.Text;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Video;

namespace PostGuard.Vision.Evaluation;

/// <summary>
/// The face-track evaluation: clips made with ffmpeg from the labelled photos (pans, zooms, cuts, faces entering and
/// leaving, a fast pan, small faces in mosaics) and from every photo under photos/no-people (false tracks), analysed by
/// the real <see cref="ClipInspector"/> and scored by <see cref="TrackScorer"/>. Used by the evaluation test and the
/// benchmarks' console mode.
/// </summary>
public static class TrackEvaluation
{
    public const int ClipWidth = 960;
    public const int ClipHeight = 540;
    public const int FramesPerSecond = 15;

    /// <summary>The default policy's rule: 24 px at a 1080-px display, score 0.6.</summary>
    public static Identifiability DefaultRule { get; } = new(DetectionScorer.ReferenceDisplayWidth, DetectionScorer.IdentifiablePixels, 0.6);

    /// <summary>Clips of the labelled photos.</summary>
    public static IReadOnlyList<ClipScript> LabelledScripts(AssetDirectory assets, string labelsDirectory)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var decoder = new ImageDecoder();
        var photos = new Dictionary<string, (RgbImage Photo, IReadOnlyList<FaceBox> Faces)>();
        foreach (var file in Directory.GetFiles(labelsDirectory, "*.json").Order(StringComparer.Ordinal))
        {
            var labels = LabelledImage.Load(file);
            photos[Path.GetFileNameWithoutExtension(file)] = (decoder.Decode(File.ReadAllBytes(assets.PathOf(labels.Image))).Pixels, labels.Faces);
        }
        ScriptedShot Shot(string clip, string photo, double seconds, CameraView from, CameraView to) =>
            new($"{clip}/{photo}", photos[photo].Photo, photos[photo].Faces, seconds, from, to);
        ScriptedShot MosaicShot(string clip, int grid, int width, int height, double seconds, double fromWidth, double toWidth)
        {
            var (image, faces) = PhotoMosaic.Build([.. photos.Values], grid, grid, width, height);
            return new ScriptedShot($"{clip}/mosaic{grid}", image, faces, seconds, new CameraView(width / 2.0, height / 2.0, fromWidth), new CameraView(width / 2.0, height / 2.0, toWidth));
        }
        ClipScript Clip(string name, params ScriptedShot[] shots) => new(name, ClipWidth, ClipHeight, FramesPerSecond, shots);
        return
        [
            Clip("pan", Shot("pan", "sample1", 6, new(600, 520, 1100), new(1320, 520, 1100))),
            Clip("zoom-in", Shot("zoom-in", "sample2", 6, new(960, 683, 1920), new(988, 365, 700))),
            Clip("cuts",
                Shot("cuts-1", "sample3", 2, new(960, 675, 1920), new(960, 675, 1920)),
                Shot("cuts-2", "sample4", 2, new(700, 520, 1400), new(1200, 520, 1400)),
                Shot("cuts-3", "sample5", 2, new(960, 699, 1920), new(960, 699, 1920)),
                Shot("cuts-4", "sample6", 2, new(960, 768, 1920), new(1000, 500, 1200))),
            Clip("enter-leave", Shot("enter-leave", "sample5", 8, new(200, 520, 640), new(1720, 520, 640))),
            Clip("small-faces-zoom", MosaicShot("small-faces-zoom", 3, 2880, 1620, 6, 2880, 1800)),
            Clip("fast-pan", Shot("fast-pan", "sample1", 2, new(600, 520, 1100), new(1320, 520, 1100))),
            Clip("tiny-faces", MosaicShot("tiny-faces", 5, 4000, 2250, 4, 4000, 4000)),
        ];
    }

    /// <summary>A slow zoom and pan over each photo without people.</summary>
    public static IReadOnlyList<ClipScript> PeopleLessScripts(AssetDirectory assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        var folder = Path.Combine(assets.Root, FaceEvaluation.PeopleLessFolder);
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var decoder = new ImageDecoder();
        return [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(file =>
        {
            var photo = decoder.Decode(File.ReadAllBytes(file)).Pixels;
            var name = Path.GetFileNameWithoutExtension(file);
            var shot = new ScriptedShot(name, photo, [], 3,
                new CameraView(photo.Width * 0.5, photo.Height * 0.5, photo.Width * 0.8),
                new CameraView(photo.Width * 0.6, photo.Height * 0.5, photo.Width * 0.6));
            return new ClipScript(name, ClipWidth, ClipHeight, FramesPerSecond, [shot]);
        })];
    }

    /// <summary>Writes (or reuses, when already made) each clip under <paramref name="workDirectory"/>, inspects and scores it.</summary>
    public static async Task<TrackReport> RunAsync(
        ClipInspector inspector, IEnumerable<ClipScript> scripts, string workDirectory, Identifiability rule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inspector);
        ArgumentNullException.ThrowIfNull(scripts);
        var scores = new List<ClipTrackScore>();
        foreach (var script in scripts)
        {
            var path = await MakeAsync(script, workDirectory, inspector.Options, cancellationToken).ConfigureAwait(false);
            var inspection = await inspector.InspectAsync(path, cancellationToken).ConfigureAwait(false);
            scores.Add(TrackScorer.Score(script, inspection, rule, inspector.Options.SustainedFaceSeconds));
        }
        return new TrackReport(scores, rule.MinScore);
    }

    /// <summary>The clip file of a script, made once per script (named by a hash of its shots).</summary>
    public static async Task<string> MakeAsync(ClipScript script, string workDirectory, VideoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        Directory.CreateDirectory(workDirectory);
        var path = Path.Combine(workDirectory, $"{script.Name}-{Fingerprint(script)}.mp4");
        if (!File.Exists(path))
        {
            var partial = path + ".partial";
            await ScriptedClipWriter.WriteAsync(script, partial, options, cancellationToken: cancellationToken).ConfigureAwait(false);
            File.Move(partial, path, overwrite: true);
        }
        return path;
    }

    private static string Fingerprint(ClipScript script)
    {
        var text = new StringBuilder();
        text.Append(FormattableString.Invariant($"{script.Width}x{script.Height}@{script.FramesPerSecond}"));
        foreach (var shot in script.Shots)
        {
            text.Append(FormattableString.Invariant(
                $"|{shot.Name}:{shot.Photo.Width}x{shot.Photo.Height}:{shot.Faces.Count}:{shot.Seconds}:{shot.From.CenterX},{shot.From.CenterY},{shot.From.Width}:{shot.To.CenterX},{shot.To.CenterY},{shot.To.Width}"));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12].ToLowerInvariant();
    }
}
