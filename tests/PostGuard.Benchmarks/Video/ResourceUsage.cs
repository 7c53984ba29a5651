using System.Runtime.InteropServices;

namespace PostGuard.Benchmarks.Video;

/// <summary>
/// CPU time and peak memory of this process and of its finished children (ffmpeg, ffprobe), from getrusage(2): on a
/// shared machine the CPU seconds say what a clip costs even when the wall clock says mostly how busy the machine was.
/// </summary>
internal static partial class ResourceUsage
{
    private const int Self = 0;
    private const int Children = -1;

    public readonly record struct Sample(TimeSpan SelfCpu, TimeSpan ChildrenCpu, long SelfPeakKilobytes, long ChildPeakKilobytes);

    public static Sample Now()
    {
        var self = Read(Self);
        var children = Read(Children);
        return new Sample(Cpu(self), Cpu(children), self.MaxResidentKilobytes, children.MaxResidentKilobytes);
    }

    private static TimeSpan Cpu(RUsage usage) =>
        TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000.0) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000.0) + usage.SystemMicroseconds);

    private static RUsage Read(int who) => GetRUsage(who, out var usage) == 0 ? usage : throw new InvalidOperationException($"getrusage failed: {Marshal.GetLastPInvokeError()}");

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetRUsage(int who, out RUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct RUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public long MaxResidentKilobytes;
        public long SharedMemory;
        public long UnsharedData;
        public long UnsharedStack;
        public long MinorFaults;
        public long MajorFaults;
        public long Swaps;
        public long BlocksIn;
        public long BlocksOut;
        public long MessagesSent;
        public long MessagesReceived;
        public long Signals;
        public long VoluntarySwitches;
        public long InvoluntarySwitches;
    }
}
