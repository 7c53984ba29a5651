using System.Runtime.InteropServices;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>
/// CPU time of the calling thread (Linux CLOCK_THREAD_CPUTIME_ID). ONNX Runtime with one intra-op thread computes on the
/// calling thread, so this is the reading's cost on one core, steadier than wall time on a machine other work shares.
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeId = 3;

    public static double Milliseconds
    {
        get
        {
            if (clock_gettime(ThreadCpuTimeId, out var time) != 0)
            {
                throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
            }
            return (time.Seconds * 1000.0) + (time.Nanoseconds / 1e6);
        }
    }

    /// <summary>CPU time (user + system) of every child process that has ended and been waited for (getrusage RUSAGE_CHILDREN).</summary>
    public static double ChildrenMilliseconds
    {
        get
        {
            if (getrusage(-1, out var usage) != 0)
            {
                throw new InvalidOperationException("getrusage(RUSAGE_CHILDREN) failed");
            }
            return (usage.UserSeconds * 1000.0) + (usage.UserMicroseconds / 1000.0) + (usage.SystemSeconds * 1000.0) + (usage.SystemMicroseconds / 1000.0);
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public fixed long Rest[14];
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int getrusage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
