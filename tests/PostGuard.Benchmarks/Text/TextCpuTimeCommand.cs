using System.Diagnostics;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Text.Learned;

namespace PostGuard.Benchmarks.Text;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --text-cpu-time [rounds]</c> runs
/// the text benchmark's two posts through all text checks, and through each check alone, in a loop and prints the
/// process CPU time per post (median and range over rounds) beside wall time. CPU time moves far less than wall time
/// on a machine shared with other builds, so two builds can be compared in one sitting; the per-check rows show
/// where the time goes. Hooked in before BenchmarkSwitcher like <see cref="Vision.CpuTimeCommand"/>.
/// </summary>
internal static class TextCpuTimeCommand
{
    public const string Switch = "--text-cpu-time";

    public static int FromCommandLine(CommandArguments args) => Run(args.Int(1, 7));

    public static int Run(int rounds)
    {
        var benchmark = new TextAnalysisBenchmark();
        benchmark.Setup();
        var operations = new List<(string Name, Func<int> Run)>
        {
            ("all text checks, written 2,000-character post", () => benchmark.AllTextChecksOn2000CharacterPost().GetAwaiter().GetResult()),
            ("all text checks, real 2,000-character post", () => benchmark.AllTextChecksOn2000CharacterRealPost().GetAwaiter().GetResult()),
            ("all text checks, 2,000-character post naming no place (the learned model runs)", () => benchmark.AllTextChecksOn2000CharacterPlacelessPost().GetAwaiter().GetResult()),
        };
        foreach (var check in benchmark.Checks)
        {
            operations.Add(($"{check.GetType().Name}, written post", () => benchmark.RunOne(check, real: false)));
            operations.Add(($"{check.GetType().Name}, real post", () => benchmark.RunOne(check, real: true)));
            if (check is LearnedPlacesCheck)
            {
                operations.Add(($"{check.GetType().Name}, post naming no place", () => benchmark.RunOne(check, real: false, placeless: true)));
            }
        }
        const int count = 100;
        Console.WriteLine("| operation | CPU ms/op (median) | CPU range | wall ms/op (median) |");
        Console.WriteLine("|---|---|---|---|");
        // Every operation is warmed up before any is measured: the runtime promotes hot methods to optimised code
        // after 30 calls and a background delay, and the first operation measured right after a short warm-up of
        // its own ran partly unoptimised, with the JIT's thread counted as its CPU time (4× the figure measured
        // at the end of the same run).
        foreach (var (_, run) in operations)
        {
            var warmUp = Stopwatch.GetTimestamp();
            while (Stopwatch.GetElapsedTime(warmUp) < TimeSpan.FromSeconds(1))
            {
                run();
            }
        }
        foreach (var (name, run) in operations)
        {
            var cpu = new List<double>();
            var wall = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var process = Process.GetCurrentProcess();
                var cpuStart = process.TotalProcessorTime;
                var wallStart = Stopwatch.GetTimestamp();
                for (var i = 0; i < count; i++)
                {
                    run();
                }
                wall.Add(Stopwatch.GetElapsedTime(wallStart).TotalMilliseconds / count);
                process.Refresh();
                cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds / count);
            }
            cpu.Sort();
            wall.Sort();
            Console.WriteLine($"| {name} | {cpu[cpu.Count / 2]:0.000} | {cpu[0]:0.000}–{cpu[^1]:0.000} | {wall[wall.Count / 2]:0.000} |");
        }
        return 0;
    }
}
