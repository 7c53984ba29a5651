using System.Diagnostics;
using System.Globalization;
using PostGuard.Core.Checks.Images;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>
/// Debian's Tesseract (tesseract-ocr 5.3, English), run on the same photos as the peer PostGuard is measured against:
/// sparse-text mode (<c>--psm 11</c>, best for words scattered in a photo), one thread, words with their boxes from its TSV.
/// Never a product dependency: only the evaluation uses it, when it is installed.
/// </summary>
public static class TesseractReader
{
    public const string Executable = "/usr/bin/tesseract";

    public static bool IsInstalled => File.Exists(Executable);

    /// <summary>The lines read and the CPU time the process took (user + system; the evaluation runs one reading at a time).</summary>
    public static (IReadOnlyList<TextLineReport> Lines, double Milliseconds) Read(byte[] jpeg)
    {
        ArgumentNullException.ThrowIfNull(jpeg);
        var input = Path.Combine(Path.GetTempPath(), $"postguard-tesseract-{Guid.NewGuid():N}.jpg");
        File.WriteAllBytes(input, jpeg);
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { input, "stdout", "--psm", "11", "-l", "eng", "tsv" })
            {
                start.ArgumentList.Add(argument);
            }
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            var before = ThreadCpuClock.ChildrenMilliseconds;
            using var process = Process.Start(start) ?? throw new InvalidOperationException("tesseract did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"tesseract failed ({process.ExitCode}): {errors.Result}");
            }
            return (Parse(output.Result), ThreadCpuClock.ChildrenMilliseconds - before);
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>TSV rows of level 5 are words: block, paragraph and line numbers group them into lines.</summary>
    private static List<TextLineReport> Parse(string tsv)
    {
        var lines = new Dictionary<(int, int, int), List<TextWordReport>>();
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || string.IsNullOrWhiteSpace(f[11]))
            {
                continue;
            }
            if (!double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence) || confidence < 0)
            {
                continue;
            }
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            var key = (I(2), I(3), I(4));
            if (!lines.TryGetValue(key, out var words))
            {
                lines[key] = words = [];
            }
            words.Add(new TextWordReport(f[11].Trim(), new RegionBox(I(6), I(7), I(8), I(9))));
        }
        return [.. lines.Values.Select(words => new TextLineReport(string.Join(' ', words.Select(w => w.Text)), 1, RegionBox.Around(words.Select(w => w.Box)), words))
            .OrderBy(l => l.Box.Y).ThenBy(l => l.Box.X)];
    }
}
