using PostGuard.Vision.Assets;
using SkiaSharp;

namespace PostGuard.TextEvaluation.Rendering;

/// <summary>The Debian fonts of models/assets.tsv, loaded once. Tuning uses the first group; held-out scenes the second.</summary>
public sealed class SceneFonts : IDisposable
{
    private static readonly string[] TuningFiles =
    [
        "LiberationSans-Bold.ttf", "LiberationSerif-Regular.ttf", "DejaVuSans-Bold.ttf", "ComicNeue-Bold.otf", "Z003-MediumItalic.otf", "C059-Bold.otf",
    ];

    private static readonly string[] HeldOutFiles =
    [
        "OpenSans-Semibold.ttf", "DejaVuSans.ttf", "ComicNeue-Regular.otf", "URWBookman-Demi.otf", "NimbusSansNarrow-Bold.otf", "P052-Italic.otf",
    ];

    private readonly Dictionary<string, SKTypeface> _faces = [];

    public SceneFonts(AssetDirectory assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        foreach (var file in TuningFiles.Concat(HeldOutFiles))
        {
            _faces[file] = SKTypeface.FromFile(assets.PathOf($"fonts/{file}"))
                ?? throw new InvalidDataException($"fonts/{file} is not a font SkiaSharp can read");
        }
    }

    /// <summary>A plain sans font (signs, badges, names on shirts).</summary>
    public SKTypeface Sans(bool heldOut, int pick) => Pick(heldOut, pick, 0, 2);

    /// <summary>A font a certificate might use for the name: serif, script, rounded or sans.</summary>
    public SKTypeface Display(bool heldOut, int pick) => Pick(heldOut, pick, 0, 1, 3, 4, 5);

    /// <summary>A friendly classroom font.</summary>
    public SKTypeface Classroom(bool heldOut, int pick) => Pick(heldOut, pick, 3, 0, 2);

    /// <summary>A serif for small print.</summary>
    public SKTypeface Serif(bool heldOut, int pick) => Pick(heldOut, pick, 1, 5);

    private SKTypeface Pick(bool heldOut, int pick, params int[] indices)
    {
        var files = heldOut ? HeldOutFiles : TuningFiles;
        return _faces[files[indices[Math.Abs(pick) % indices.Length]]];
    }

    public void Dispose()
    {
        foreach (var face in _faces.Values)
        {
            face.Dispose();
        }
    }
}
