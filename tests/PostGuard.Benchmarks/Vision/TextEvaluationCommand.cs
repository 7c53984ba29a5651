using PostGuard.TextEvaluation.Rendering;
using PostGuard.TextEvaluation.Scoring;
using PostGuard.Vision.Assets;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --evaluate-text [scenes-per-kind] [rendered-without-words]</c>
/// renders the scenes (tuning fonts and backgrounds, then held-out ones), adds the public photos without words and the real
/// scene-text photos, reads them with PostGuard and (when installed) Tesseract, and prints the tables the README quotes.
/// </summary>
internal static class TextEvaluationCommand
{
    public const string Switch = "--evaluate-text";

    public static int FromCommandLine(CommandArguments args) => Run(
        args.Int(1, 20), args.Int(2, 40), quick: args.Has("--quick"), args.IntOption("--seed", 1000),
        args.Option("--kind") is { } kind ? Enum.Parse<SceneKind>(kind) : null, postGuardOnly: args.Has("--postguard-only"), textDetector: args.Option("--text-detector"));

    /// <param name="quick">Only PostGuard on the tuning fonts and backgrounds (for tuning runs).</param>
    /// <param name="tuningSeed">The first seed of the tuning set; <c>--seed N</c> with <c>--quick</c> renders other scenes of the tuning fonts and backgrounds to look into misses on.</param>
    /// <param name="kind">With <c>--quick</c>: only scenes of this kind (<c>--kind Badges</c>).</param>
    /// <param name="postGuardOnly">Every set, PostGuard alone (<c>--postguard-only</c>: Tesseract's figures do not change with PostGuard's).</param>
    /// <param name="textDetector">The text detector to read with (<c>--text-detector paddleocr/ch_PP-OCRv4_det_infer.onnx</c>, a path under the models directory); null: the default.</param>
    public static int Run(int perKind, int withoutWords, bool quick, int tuningSeed = 1000, SceneKind? kind = null, bool postGuardOnly = false, string? textDetector = null)
    {
        var assets = AssetDirectory.Locate();
        var labels = Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels");
        using var renderer = new SceneRenderer(assets, labels);
        using var evaluation = new PhotoWordsEvaluation(assets, textDetector);
        var sets = new (string Title, List<TextScene> Scenes)[]
        {
            ($"Rendered, tuning fonts and backgrounds ({perKind} scenes per kind, {withoutWords} without words)", PhotoWordsEvaluation.Scenes(renderer, assets, perKind, withoutWords, heldOut: false, firstSeed: tuningSeed)),
            ($"Rendered, held-out fonts and backgrounds ({perKind} scenes per kind, {withoutWords} without words)", PhotoWordsEvaluation.Scenes(renderer, assets, perKind, withoutWords, heldOut: true, firstSeed: 5000)),
            ("Public photos without words (the face-api group photos and the photos without people, as published)", [.. PhotoWordsEvaluation.PublicPhotosWithoutWords(assets)]),
            ("Real photos with words (OpenCV's scene-text samples; words matched anywhere in the photo)", [.. RealPhotosWithWords.Load(assets)]),
        };
        foreach (var (title, all) in quick ? sets.Take(1) : sets)
        {
            var scenes = quick && kind is not null ? [.. all.Where(s => s.Kind == kind || !s.Words.Any())] : all;
            var scores = new List<ReadingScore> { evaluation.ReadWithPostGuard(scenes) };
            if (TesseractReader.IsInstalled && !quick && !postGuardOnly)
            {
                scores.Add(evaluation.ReadWithTesseract(scenes));
            }
            Console.WriteLine($"### {title}");
            Console.WriteLine();
            Console.WriteLine(ReadingScore.Table(scores));
            foreach (var miss in scores[0].Photos.SelectMany(p => p.Truth.Where(t => t.Role == WordRole.Name && !WordMatch.IsRead(t, p.Words)).Select(t => $"{p.Photo}: {t.Text} ({t.Box.Height:0} px){ReadThere(t, p)}")).Take(quick ? 100 : 40))
            {
                Console.WriteLine($"  missed name: {miss}");
            }
            foreach (var photo in scores[0].Photos.Where(p => !p.HasWords && p.Findings.Count > 0))
            {
                Console.WriteLine($"  false finding on {photo.Photo}: {string.Join("; ", photo.Findings.Select(f => $"{f.Rule} {f.Evidence?["words"]}"))}");
            }
            Console.WriteLine();
        }
        if (!TesseractReader.IsInstalled && !quick && !postGuardOnly)
        {
            Console.WriteLine("Tesseract is not installed (apt-get install tesseract-ocr): its column is left out.");
        }
        return 0;
    }

    /// <summary>What was read where a missed word is drawn: nothing (not found), or the words read there (misread).</summary>
    private static string ReadThere(LabelledWord truth, PhotoReading photo)
    {
        var there = photo.Words.Where(w => WordMatch.Overlaps(w.Box, truth.Box)).Select(w => w.Text).ToList();
        return there.Count == 0 ? ", nothing read there" : $", read there: {string.Join(" ", there)}";
    }
}
