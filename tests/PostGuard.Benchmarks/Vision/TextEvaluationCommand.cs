using System.Runtime.CompilerServices;
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

#pragma warning disable CA2255 // An executable's own module initializer: the cleanest hook that leaves the shared Program.cs alone.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RunWhenAsked()
    {
        var args = Environment.GetCommandLineArgs();
        var at = Array.IndexOf(args, Switch);
        if (at < 0)
        {
            return;
        }
        var perKind = at + 1 < args.Length && int.TryParse(args[at + 1], out var k) ? k : 20;
        var withoutWords = at + 2 < args.Length && int.TryParse(args[at + 2], out var w) ? w : 40;
        Environment.Exit(Run(perKind, withoutWords, quick: args.Contains("--quick")));
    }

    /// <param name="quick">Only PostGuard on the tuning set (for tuning runs).</param>
    public static int Run(int perKind, int withoutWords, bool quick)
    {
        var assets = AssetDirectory.Locate();
        var labels = Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels");
        using var renderer = new SceneRenderer(assets, labels);
        using var evaluation = new PhotoWordsEvaluation(assets);
        var sets = new (string Title, List<TextScene> Scenes)[]
        {
            ($"Rendered, tuning fonts and backgrounds ({perKind} scenes per kind, {withoutWords} without words)", PhotoWordsEvaluation.Scenes(renderer, assets, perKind, withoutWords, heldOut: false)),
            ($"Rendered, held-out fonts and backgrounds ({perKind} scenes per kind, {withoutWords} without words)", PhotoWordsEvaluation.Scenes(renderer, assets, perKind, withoutWords, heldOut: true, firstSeed: 5000)),
            ("Public photos without words (the face-api group photos and the photos without people, as published)", [.. PhotoWordsEvaluation.PublicPhotosWithoutWords(assets)]),
            ("Real photos with words (OpenCV's scene-text samples; words matched anywhere in the photo)", [.. RealPhotosWithWords.Load(assets)]),
        };
        foreach (var (title, scenes) in quick ? sets.Take(1) : sets)
        {
            var scores = new List<ReadingScore> { evaluation.ReadWithPostGuard(scenes) };
            if (TesseractReader.IsInstalled && !quick)
            {
                scores.Add(evaluation.ReadWithTesseract(scenes));
            }
            Console.WriteLine($"### {title}");
            Console.WriteLine();
            Console.WriteLine(ReadingScore.Table(scores));
            foreach (var miss in scores[0].Photos.SelectMany(p => p.Truth.Where(t => t.Role == WordRole.Name && !WordMatch.IsRead(t, p.Words)).Select(t => $"{p.Photo}: {t.Text} ({t.Box.Height:0} px)")).Take(quick ? 100 : 40))
            {
                Console.WriteLine($"  missed name: {miss}");
            }
            foreach (var photo in scores[0].Photos.Where(p => !p.HasWords && p.Findings.Count > 0))
            {
                Console.WriteLine($"  false finding on {photo.Photo}: {string.Join("; ", photo.Findings.Select(f => $"{f.Rule} {f.Evidence?["words"]}"))}");
            }
            Console.WriteLine();
        }
        if (!TesseractReader.IsInstalled)
        {
            Console.WriteLine("Tesseract is not installed (apt-get install tesseract-ocr): its column is left out.");
        }
        return 0;
    }
}
