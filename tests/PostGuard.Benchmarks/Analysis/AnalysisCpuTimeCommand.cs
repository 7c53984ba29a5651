using System.Diagnostics;
using PostGuard.Benchmarks.Text;

namespace PostGuard.Benchmarks.Analysis;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --analysis-cpu-time [rounds]</c>
/// runs the text benchmark's operation and <see cref="DraftAnalyzerBenchmark"/>'s (untraced, then with every span
/// recorded) in interleaved loops and prints the process CPU time per operation: median over rounds, and the range.
/// On a machine shared with other builds CPU time moves far less than wall time, so two builds can be compared in
/// one sitting by alternating them (as <see cref="Vision.CpuTimeCommand"/> does for the vision benchmarks).
/// </summary>
internal static class AnalysisCpuTimeCommand
{
    public const string Switch = "--analysis-cpu-time";
    private const int OperationsPerRound = 400;

    public static int FromCommandLine(CommandArguments args) => Run(args.Int(1, 7));

    public static int Run(int rounds)
    {
        var text = new TextAnalysisBenchmark();
        text.Setup();
        using var analyzer = new DraftAnalyzerBenchmark { Traced = false };
        analyzer.Setup();
        var operations = new (string Name, bool Traced, Func<int> Run)[]
        {
            ("text checks, 2,000-character post (TextAnalysisBenchmark)", false, () => text.AllTextChecksOn2000CharacterPost().GetAwaiter().GetResult()),
            ("DraftAnalyzer, text-only draft, no listener", false, () => analyzer.AnalyseTextOnlyDraft().GetAwaiter().GetResult()),
            ("DraftAnalyzer, text-only draft, every span recorded", true, () => analyzer.AnalyseTextOnlyDraft().GetAwaiter().GetResult()),
        };
        var samples = operations.Select(_ => new List<double>()).ToArray();
        for (var round = -1; round < rounds; round++) // round -1 warms up (JIT tiers, caches) and is not counted
        {
            for (var i = 0; i < operations.Length; i++)
            {
                if (operations[i].Traced)
                {
                    analyzer.StartListening();
                }
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                for (var n = 0; n < OperationsPerRound; n++)
                {
                    operations[i].Run();
                }
                var perOperation = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / OperationsPerRound;
                analyzer.StopListening();
                if (round >= 0)
                {
                    samples[i].Add(perOperation);
                }
            }
        }
        for (var i = 0; i < operations.Length; i++)
        {
            var sorted = samples[i].Order().ToList();
            Console.WriteLine($"{operations[i].Name}: {sorted[sorted.Count / 2]:0.000} ms CPU per operation (range {sorted[0]:0.000}–{sorted[^1]:0.000}, {rounds} rounds of {OperationsPerRound})");
        }
        return 0;
    }
}
