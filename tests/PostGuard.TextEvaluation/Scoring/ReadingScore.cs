using System.Globalization;
using System.Text;
using PostGuard.TextEvaluation.Rendering;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>
/// The figures of one reader over a set: name words read and flagged (R6/R7) by size, phone numbers and places flagged,
/// all words read, false findings (a finding on a photo without words, or whose box covers no name, number, address or
/// place), and the time per photo with and without words.
/// </summary>
public sealed record ReadingScore(string Reader, IReadOnlyList<PhotoReading> Photos)
{
    /// <summary>Size bins of a word's box height, in pixels of the full-resolution photo.</summary>
    public static readonly (double From, double To, string Label)[] HeightBins = [(0, 30, "< 30 px"), (30, 60, "30–60 px"), (60, 120, "60–120 px"), (120, double.MaxValue, "≥ 120 px")];

    private IEnumerable<(PhotoReading Photo, LabelledWord Word)> Truth(WordRole role) =>
        Photos.SelectMany(p => p.Truth.Where(w => w.Role == role).Select(w => (p, w)));

    public (int Hit, int Total) NamesRead => Count(Truth(WordRole.Name), t => WordMatch.IsRead(t.Word, t.Photo.Words));

    public (int Hit, int Total) NamesFlagged => Count(Truth(WordRole.Name), t => WordMatch.IsFlagged(t.Word, t.Photo.Findings, "R6", "R7"));

    public (int Hit, int Total) NamesReadIn(double from, double to) =>
        Count(Truth(WordRole.Name).Where(t => t.Word.Box.Height >= from && t.Word.Box.Height < to), t => WordMatch.IsRead(t.Word, t.Photo.Words));

    /// <summary>A phone number counts once, flagged when an R10 finding covers any of its parts.</summary>
    public (int Hit, int Total) PhonesFlagged => Count(
        Photos.Where(p => p.Truth.Any(w => w.Role == WordRole.Phone)),
        p => p.Truth.Where(w => w.Role == WordRole.Phone).Any(w => WordMatch.IsFlagged(w, p.Findings, "R10")));

    public (int Hit, int Total) EmailsFlagged => Count(Truth(WordRole.Email), t => WordMatch.IsFlagged(t.Word, t.Photo.Findings, "R10"));

    public (int Hit, int Total) PlacesFlagged => Count(Truth(WordRole.Place), t => WordMatch.IsFlagged(t.Word, t.Photo.Findings, "R8", "R9"));

    public (int Hit, int Total) AllWordsRead => Count(Photos.SelectMany(p => p.Truth.Select(w => (p, w))), t => WordMatch.IsRead(t.w, t.p.Words));

    public IEnumerable<PhotoReading> WithoutWords => Photos.Where(p => !p.HasWords);

    public IEnumerable<PhotoReading> WithWords => Photos.Where(p => p.HasWords);

    /// <summary>Findings on photos without words, per such photo.</summary>
    public double FalseFindingsPerPhotoWithoutWords => WithoutWords.Any() ? WithoutWords.Average(p => (double)p.Findings.Count) : 0;

    /// <summary>Findings on photos with words whose box covers no labelled name, number, address or place.</summary>
    public int FalseFindingsOnPhotosWithWords => WithWords.Sum(p => p.Findings.Count(f =>
        WordMatch.BoxOf(f) is not { } box || !p.Truth.Any(w => w.Role != WordRole.Other && WordMatch.Overlaps(box, w.Box))));

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static (int Hit, int Total) Count<T>(IEnumerable<T> items, Func<T, bool> hit)
    {
        var list = items.ToList();
        return (list.Count(hit), list.Count);
    }

    public static string Ratio((int Hit, int Total) value) =>
        value.Total == 0 ? "—" : string.Create(CultureInfo.InvariantCulture, $"{(double)value.Hit / value.Total:0.000} ({value.Hit}/{value.Total})");

    /// <summary>A Markdown table of several readers side by side.</summary>
    public static string Table(IReadOnlyList<ReadingScore> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var b = new StringBuilder();
        b.AppendLine("| | " + string.Join(" | ", scores.Select(s => s.Reader)) + " |");
        b.AppendLine("|---|" + string.Concat(scores.Select(_ => "---|")));
        void Row(string label, Func<ReadingScore, string> cell) => b.AppendLine($"| {label} | " + string.Join(" | ", scores.Select(cell)) + " |");
        Row("name words read", s => Ratio(s.NamesRead));
        foreach (var (from, to, label) in HeightBins)
        {
            Row($"… name words {label} tall", s => Ratio(s.NamesReadIn(from, to)));
        }
        Row("name words flagged (R6/R7, box on the word)", s => Ratio(s.NamesFlagged));
        Row("phone numbers flagged (R10)", s => Ratio(s.PhonesFlagged));
        Row("e-mail addresses flagged (R10)", s => Ratio(s.EmailsFlagged));
        Row("places flagged (R8/R9)", s => Ratio(s.PlacesFlagged));
        Row("all drawn words read", s => Ratio(s.AllWordsRead));
        Row("false findings per photo without words", s => string.Create(CultureInfo.InvariantCulture, $"{s.FalseFindingsPerPhotoWithoutWords:0.000} ({s.WithoutWords.Sum(p => p.Findings.Count)} in {s.WithoutWords.Count()})"));
        Row("false findings on photos with words", s => s.FalseFindingsOnPhotosWithWords.ToString(CultureInfo.InvariantCulture));
        Row("reading time per photo with words, median (ms)", s => Median(s.WithWords.Select(p => p.Milliseconds)).ToString("0", CultureInfo.InvariantCulture));
        Row("reading time per 12-MP photo without words, median (ms)", s => Median(s.WithoutWords.Where(p => p.Width >= 4000).Select(p => p.Milliseconds)).ToString("0", CultureInfo.InvariantCulture));
        return b.ToString();
    }
}
