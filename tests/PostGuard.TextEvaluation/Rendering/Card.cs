using SkiaSharp;

namespace PostGuard.TextEvaluation.Rendering;

/// <summary>
/// A flat thing with words on it (a certificate, a badge, a sign), drawn in its own pixels before it is placed into a
/// photo; it remembers the ink box of every word it drew.
/// </summary>
internal sealed class Card : IDisposable
{
    private readonly SKCanvas _canvas;
    private readonly bool _withWords;

    /// <param name="withWords">False draws the same card with its words left out (the same photo without words).</param>
    public Card(int width, int height, SKColor paper, bool withWords = true)
    {
        _withWords = withWords;
        Bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        _canvas = new SKCanvas(Bitmap);
        _canvas.Clear(paper);
    }

    public SKBitmap Bitmap { get; }

    public SKCanvas Canvas => _canvas;

    public int Width => Bitmap.Width;

    public int Height => Bitmap.Height;

    public List<(string Text, WordRole Role, SKRect Box, float FontSize)> Words { get; } = [];

    /// <summary>
    /// Draws a line of words with its baseline at <paramref name="baseline"/>, centred on <paramref name="x"/> (or starting at it),
    /// scaled down to fit <paramref name="maxWidth"/>. Returns the font size used.
    /// </summary>
    public float Line(IReadOnlyList<(string Word, WordRole Role)> words, SKTypeface typeface, float size, float x, float baseline, SKColor color, bool centred = true, float maxWidth = float.MaxValue)
    {
        using var font = new SKFont(typeface, size) { Subpixel = true, Edging = SKFontEdging.SubpixelAntialias };
        var space = font.MeasureText(" ");
        var total = words.Sum(w => font.MeasureText(w.Word)) + (space * (words.Count - 1));
        if (total > maxWidth)
        {
            size *= maxWidth / total;
            font.Size = size;
            space = font.MeasureText(" ");
            total = maxWidth;
        }
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        var pen = centred ? x - (total / 2) : x;
        foreach (var (word, role) in words)
        {
            var advance = font.MeasureText(word, out var bounds);
            if (!_withWords)
            {
                pen += advance + space;
                continue;
            }
            _canvas.DrawText(word, pen, baseline, SKTextAlign.Left, font, paint);
            Words.Add((word, role, new SKRect(pen + bounds.Left, baseline + bounds.Top, pen + bounds.Right, baseline + bounds.Bottom), size));
            pen += advance + space;
        }
        return size;
    }

    public float Line(string text, WordRole role, SKTypeface typeface, float size, float x, float baseline, SKColor color, bool centred = true, float maxWidth = float.MaxValue) =>
        Line([.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, role))], typeface, size, x, baseline, color, centred, maxWidth);

    public void Dispose()
    {
        _canvas.Dispose();
        Bitmap.Dispose();
    }
}
