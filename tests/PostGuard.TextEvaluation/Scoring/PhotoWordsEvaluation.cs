using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Checks.Text;
using PostGuard.Core.Consent;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Video;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>
/// The scored evaluation of words in photos: rendered scenes (certificates, badges, shirts, display boards, coach signs,
/// posters) and photos without words (the public photos as they are, and rendered crops of them with nothing drawn),
/// each read by PostGuard (the real inspector and models) and, when installed, by Tesseract; both readers' words go
/// through the same text checks (<see cref="PhotoTextCheck"/>, the scenes' pupils in the register) and are scored alike.
/// </summary>
public sealed class PhotoWordsEvaluation : IDisposable
{
    /// <summary>The public photos without words in them (the circuit board and the plant's label carry printed words; they are left out).</summary>
    public static readonly string[] PhotosWithoutWords =
    [
        "photos/face-api/sample1.jpg", "photos/face-api/sample2.jpg", "photos/face-api/sample3.jpg", "photos/face-api/sample4.jpg",
        "photos/face-api/sample5.jpg", "photos/face-api/sample6.jpg", "photos/no-people/opencv-doc-aloeL.jpg", "photos/no-people/opencv-doc-baboon.jpg",
        "photos/no-people/opencv-doc-fruits.jpg", "photos/no-people/opencv-doc-home.jpg", "photos/no-people/opencv-doc-leuvenA.jpg",
        "photos/no-people/opencv-doc-squirrel_cls.jpg", "photos/no-people/opencv-doc-starry_night.jpg", "photos/no-people/ukui-wallpapers-rhythm.jpg",
        "photos/no-people/ukui-wallpapers-string.jpg",
    ];

    private readonly AssetDirectory _assets;
    private readonly ImageInspector _withWords;
    private readonly ImageInspector _withoutWords;
    private readonly ServiceProvider _checks;
    private readonly PhotoTextCheck _photoText;
    private readonly PeopleRegister _register;

    /// <param name="textDetectorModel">The text detector (a path under the models directory, as <see cref="VisionOptions.TextDetectorModel"/>); null: the default.</param>
    public PhotoWordsEvaluation(AssetDirectory assets, string? textDetectorModel = null)
    {
        ArgumentNullException.ThrowIfNull(assets);
        _assets = assets;
        var options = new VisionOptions { AssetsRoot = assets.Root };
        if (textDetectorModel is not null)
        {
            options.TextDetectorModel = textDetectorModel;
        }
        _withWords = new ImageInspector(options);
        _withoutWords = new ImageInspector(new VisionOptions { AssetsRoot = assets.Root, ReadWords = false });
        _checks = new ServiceCollection().AddTextChecks(assets.Root).BuildServiceProvider();
        _photoText = new PhotoTextCheck(_checks.GetRequiredService<TextCheckSet>());
        _register = PeopleCsv.BuildRegister(PeopleCsv.Parse(SceneWords.RegisterCsv()), AnalysedAt);
    }

    private static readonly DateTimeOffset AnalysedAt = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The photos of one evaluation: rendered scenes of every kind, rendered photos without words, and the public photos without words.</summary>
    public static List<TextScene> Scenes(SceneRenderer renderer, AssetDirectory assets, int perKind, int withoutWords, bool heldOut, int firstSeed = 1000)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        ArgumentNullException.ThrowIfNull(assets);
        var scenes = new List<TextScene>();
        foreach (var kind in Enum.GetValues<SceneKind>())
        {
            for (var i = 0; i < perKind; i++)
            {
                scenes.Add(renderer.Render(kind, firstSeed + (i * 7) + (int)kind, heldOut));
            }
        }
        for (var i = 0; i < withoutWords; i++)
        {
            scenes.Add(renderer.RenderWithoutWords(firstSeed + 500 + i, heldOut));
        }
        return scenes;
    }

    /// <summary>The public photos without words, as scenes with no words.</summary>
    public static IEnumerable<TextScene> PublicPhotosWithoutWords(AssetDirectory assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        foreach (var asset in PhotosWithoutWords)
        {
            var bytes = File.ReadAllBytes(assets.PathOf(asset));
            var size = new Vision.Codecs.ImageDecoder().Decode(bytes, 64);
            yield return new TextScene(Path.GetFileName(asset), null, bytes, size.DisplayWidth, size.DisplayHeight, [], asset, false);
        }
    }

    /// <summary>PostGuard's reading of each photo: the inspector's words; the time is the inspection's extra CPU time with words read over without.</summary>
    public ReadingScore ReadWithPostGuard(IEnumerable<TextScene> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var readings = new List<PhotoReading>();
        foreach (var scene in scenes)
        {
            var started = ThreadCpuClock.Milliseconds;
            var report = new VisionImageInspector(new Lazy<ImageInspector>(_withWords), new Lazy<ClipInspector>(() => new ClipInspector(_withWords, new VideoOptions())), NullLogger<VisionImageInspector>.Instance)
                .Inspect(0, scene.Name + ".jpg", scene.Jpeg, new IdentifiabilityRule(1080, 24, 0.6), TimeZoneInfo.Utc, CancellationToken.None);
            var withWords = ThreadCpuClock.Milliseconds - started;
            started = ThreadCpuClock.Milliseconds;
            _withoutWords.Inspect(scene.Jpeg);
            var withoutWords = ThreadCpuClock.Milliseconds - started;
            readings.Add(Score(scene, report, Math.Max(0, withWords - withoutWords)));
        }
        return new ReadingScore("PostGuard (PP-OCRv4)", readings);
    }

    /// <summary>Tesseract's reading of each photo, through the same checks.</summary>
    public ReadingScore ReadWithTesseract(IEnumerable<TextScene> scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        var readings = new List<PhotoReading>();
        foreach (var scene in scenes)
        {
            var (lines, milliseconds) = TesseractReader.Read(scene.Jpeg);
            var report = new ImageReport { Index = 0, FileName = scene.Name + ".jpg", Format = "Jpeg", Width = scene.Width, Height = scene.Height, TextLines = lines };
            readings.Add(Score(scene, report, milliseconds));
        }
        return new ReadingScore("Tesseract 5.3 (--psm 11)", readings);
    }

    private PhotoReading Score(TextScene scene, ImageReport report, double milliseconds)
    {
        var findings = report.Readable ? Findings(report, scene) : [];
        return new PhotoReading(scene.Name, scene.Words, scene.Kind is not null, report.TextLines, findings, milliseconds, scene.Width);
    }

    private IReadOnlyList<Finding> Findings(ImageReport report, TextScene scene)
    {
        var draft = new DraftUnderCheck
        {
            Text = "",
            Channels = [Channels.Instagram],
            PublishAt = AnalysedAt.AddDays(1),
            Images = [new ImageUnderCheck { Index = 0, FileName = report.FileName, Content = scene.Jpeg, Report = report }],
            Policy = PolicyPresets.CreateConsentBased([Channels.Instagram]),
            People = _register,
            AnalysedAt = AnalysedAt,
        };
        return _photoText.RunAsync(draft, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _withWords.Dispose();
        _withoutWords.Dispose();
        _checks.Dispose();
    }
}
