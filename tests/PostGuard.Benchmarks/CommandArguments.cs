using System.Globalization;

namespace PostGuard.Benchmarks;

/// <summary>
/// The command line of one of the benchmark project's console commands (Program.cs runs the first whose switch is
/// given, instead of BenchmarkDotNet): its positional values after the switch and the options anywhere on the line.
/// A value that is missing or does not parse gives the command's default.
/// </summary>
internal sealed class CommandArguments(IReadOnlyList<string> all, int switchAt)
{
    /// <summary>The <paramref name="n"/>-th value after the switch (1 = the first), if there is one.</summary>
    public string? Positional(int n) => switchAt + n < all.Count ? all[switchAt + n] : null;

    public int Int(int n, int fallback) =>
        int.TryParse(Positional(n), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public double Double(int n, double fallback) =>
        double.TryParse(Positional(n), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public bool Has(string flag) => all.Contains(flag);

    /// <summary>The value after <paramref name="name"/> anywhere on the line (<c>--seed 3000</c>).</summary>
    public string? Option(string name) => all.ToList().IndexOf(name) is var at && at >= 0 && at + 1 < all.Count ? all[at + 1] : null;

    public int IntOption(string name, int fallback) =>
        int.TryParse(Option(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
}
