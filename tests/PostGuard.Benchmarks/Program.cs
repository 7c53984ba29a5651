using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PostGuard.Benchmarks;
using PostGuard.Benchmarks.Analysis;
using PostGuard.Benchmarks.Redaction;
using PostGuard.Benchmarks.Text;
using PostGuard.Benchmarks.Video;
using PostGuard.Benchmarks.Vision;

// The console commands (evaluations, CPU-time comparisons, the redaction photos) run instead of BenchmarkDotNet
// when their switch is on the command line.
var commands = new (string Switch, Func<CommandArguments, int> Run)[]
{
    (FaceEvaluationCommand.Switch, FaceEvaluationCommand.FromCommandLine),
    (TextEvaluationCommand.Switch, TextEvaluationCommand.FromCommandLine),
    (CpuTimeCommand.Switch, CpuTimeCommand.FromCommandLine),
    (TextCpuTimeCommand.Switch, TextCpuTimeCommand.FromCommandLine),
    (AnalysisCpuTimeCommand.Switch, AnalysisCpuTimeCommand.FromCommandLine),
    (RedactionCpuTimeCommand.Switch, RedactionCpuTimeCommand.FromCommandLine),
    (RedactionPhotosCommand.Switch, RedactionPhotosCommand.FromCommandLine),
    (TrackEvaluationCommand.Switch, TrackEvaluationCommand.FromCommandLine),
    (ClipMeasureCommand.Switch, ClipMeasureCommand.FromCommandLine),
    (TextDetectorCalibrationCommand.Switch, TextDetectorCalibrationCommand.FromCommandLine),
};
foreach (var (name, run) in commands)
{
    if (Array.IndexOf(args, name) is var at && at >= 0)
    {
        return run(new CommandArguments(args, at));
    }
}

// BenchmarkDotNet builds a project per run and gives up after two minutes by default, which a machine
// shared with other builds exceeds.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
return 0;
