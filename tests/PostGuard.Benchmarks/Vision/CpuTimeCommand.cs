using System.Diagnostics;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --cpu-time [rounds]</c> runs the
/// inference, detection and inspection benchmarks' operations in a loop and prints the process CPU time per
/// operation (median over rounds) beside wall time. On a machine shared with other builds, CPU time moves far less
/// than wall time (a descheduled thread burns none), so two builds can be compared in one sitting by alternating them.
/// Run by Program.cs when its switch is given, like <see cref="FaceEvaluationCommand"/>.
/// </summary>
internal static class CpuTimeCommand
{
    public const string Switch = "--cpu-time";

    public static int FromCommandLine(CommandArguments args) => Run(args.Int(1, 5), args.Has("--words-only"));

    /// <param name="wordsOnly">Only what reading words costs (<c>--words-only</c>).</param>
    public static int Run(int rounds, bool wordsOnly = false)
    {
        using var inference = new InferenceBenchmarks();
        inference.Setup();
        using var detection = new DetectionBenchmarks();
        detection.Setup();
        using var vision = new VisionBenchmarks();
        vision.Setup();
        using var words = new PhotoWordsBenchmarks();
        words.Setup();
        var operations = new (string Name, int Count, Func<int> Run)[]
        {
            ("one inference, 256 back model", 200, inference.Back),
            ("one inference, 128 front model", 1000, inference.Front),
            ("detect 12 MP photo", 10, detection.Detect12MpPhoto),
            ("detect 12 MP group", 5, detection.Detect12MpGroup),
            ("inspect 12 MP photo (3 faces)", 10, vision.Inspect12MpPhoto),
            ("inspect 12 MP group (60 small faces)", 5, vision.Inspect12MpGroup),
            ("inspect 1080 px photo", 10, vision.Inspect1080),
            ("inspect 12 MP photo (3 faces, no words), words not read", 5, words.PhotoWithoutReading),
            ("inspect 12 MP photo (3 faces, no words), words read", 5, words.PhotoReading),
            ("inspect 12 MP photos sample2–6 (no words), each once per 5, words not read", 5, words.OthersWithoutReading),
            ("inspect 12 MP photos sample2–6 (no words), each once per 5, words read", 5, words.OthersReading),
            ("inspect 12 MP certificate photo, words read", 3, words.CertificateReading),
        };
        Console.WriteLine("| operation | CPU ms/op (median) | CPU range | wall ms/op (median) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var (name, count, run) in wordsOnly ? operations.Where(o => o.Name.Contains("no words)", StringComparison.Ordinal) || o.Name.Contains("words read", StringComparison.Ordinal)) : operations)
        {
            for (var i = 0; i < Math.Max(1, count / 5); i++)
            {
                run(); // warm-up (JIT, arena growth)
            }
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
            Console.WriteLine($"| {name} | {cpu[cpu.Count / 2]:0.00} | {cpu[0]:0.00}–{cpu[^1]:0.00} | {wall[wall.Count / 2]:0.00} |");
        }
        return 0;
    }
}
