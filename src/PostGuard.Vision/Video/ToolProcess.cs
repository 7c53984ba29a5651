using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PostGuard.Vision.Video;

/// <summary>
/// One run of ffmpeg or ffprobe on an untrusted clip, contained: arguments passed as a list (no shell), standard
/// output and input as binary streams, standard error read as lines cut at <see cref="MaxLineLength"/> bytes (the
/// last lines kept for the error message, each offered to an observer), and the process killed with its children on
/// timeout, on cancellation and on dispose. A decoder that crashes on a hostile file takes down this process, never the worker.
/// </summary>
internal sealed class ToolProcess : IDisposable
{
    public const int MaxLineLength = 4096;
    private const int KeptLines = 12;

    private readonly Process _process;
    private readonly CancellationTokenSource _limit;
    private readonly CancellationToken _caller;
    private readonly CancellationTokenRegistration _killOnCancel;
    private readonly Task _stderr;
    private readonly Queue<string> _lastLines = new();
    private readonly string _tool;
    private readonly TimeSpan _timeout;

    private ToolProcess(Process process, string tool, TimeSpan timeout, CancellationToken caller, Action<string>? onErrorLine, Action? onErrorEnd)
    {
        _process = process;
        _tool = tool;
        _timeout = timeout;
        _caller = caller;
        _limit = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _limit.CancelAfter(timeout);
        _killOnCancel = _limit.Token.Register(Kill);
        _stderr = Task.Run(() => ReadErrorLines(onErrorLine, onErrorEnd));
    }

    /// <summary>Cancelled when the caller cancels or the time limit passes; the process is then already being killed.</summary>
    public CancellationToken Token => _limit.Token;

    public Stream Output => _process.StandardOutput.BaseStream;

    public Stream Input => _process.StandardInput.BaseStream;

    /// <summary>The last lines the tool wrote to standard error, for error messages.</summary>
    public string ErrorTail
    {
        get
        {
            lock (_lastLines)
            {
                return string.Join(" | ", _lastLines);
            }
        }
    }

    /// <exception cref="VideoToolUnavailableException">The tool is not installed.</exception>
    /// <param name="onErrorLine">Called with each line of standard error, on a reader thread.</param>
    /// <param name="onErrorEnd">Called once standard error is closed (the tool exited or was killed).</param>
    public static ToolProcess Start(
        string executable, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, Action<string>? onErrorLine = null, Action? onErrorEnd = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment["AV_LOG_FORCE_NOCOLOR"] = "1";
        var process = new Process { StartInfo = info };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new VideoToolUnavailableException(
                $"'{executable}' could not be started ({e.Message}). Install Debian's ffmpeg package (apt-get install ffmpeg) or set Video:FfmpegPath and Video:FfprobePath.", e);
        }
        return new ToolProcess(process, Path.GetFileName(executable), timeout, cancellationToken, onErrorLine, onErrorEnd);
    }

    /// <summary>
    /// Waits for the tool to exit and its standard error to be read; returns the exit code.
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller cancelled (the process was killed).</exception>
    /// <exception cref="ClipRejectedException">The time limit passed (the process was killed).</exception>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        await _stderr.ConfigureAwait(false);
        ThrowIfStopped();
        return _process.ExitCode;
    }

    /// <summary>Throws when the process was stopped by cancellation or by the time limit.</summary>
    public void ThrowIfStopped()
    {
        _caller.ThrowIfCancellationRequested();
        if (_limit.IsCancellationRequested)
        {
            throw new ClipRejectedException(ClipRejectionReason.TimedOut, "file", $"{_tool} took longer than {_timeout.TotalSeconds:F0} s and was stopped.");
        }
    }

    /// <summary>Closes standard input without writing (the tool reads its input from a file).</summary>
    public void CloseInput()
    {
        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool already exited.
        }
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
        catch (Win32Exception)
        {
            // Exiting while we tried.
        }
    }

    private async Task ReadErrorLines(Action<string>? onErrorLine, Action? onErrorEnd)
    {
        try
        {
            await ReadLines(_process.StandardError.BaseStream, onErrorLine).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The process was killed and its pipe closed under us.
        }
        finally
        {
            onErrorEnd?.Invoke();
        }
    }

    private async Task ReadLines(Stream stream, Action<string>? onErrorLine)
    {
        var buffer = new byte[16 * 1024];
        var line = new byte[MaxLineLength];
        var length = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var b = buffer[i];
                if (b is (byte)'\n' or (byte)'\r')
                {
                    if (length > 0)
                    {
                        Offer(Encoding.UTF8.GetString(line, 0, length), onErrorLine);
                    }
                    length = 0;
                }
                else if (length < line.Length)
                {
                    line[length++] = b;
                }
            }
        }
        if (length > 0)
        {
            Offer(Encoding.UTF8.GetString(line, 0, length), onErrorLine);
        }
    }

    private void Offer(string text, Action<string>? onErrorLine)
    {
        lock (_lastLines)
        {
            _lastLines.Enqueue(text);
            if (_lastLines.Count > KeptLines)
            {
                _lastLines.Dequeue();
            }
        }
        onErrorLine?.Invoke(text);
    }

    public void Dispose()
    {
        Kill();
        try
        {
            _process.WaitForExit(5000);
            _stderr.Wait(1000);
        }
        catch (Exception e) when (e is InvalidOperationException or AggregateException)
        {
            // Never started, or its observer failed: the process is gone either way.
        }
        _killOnCancel.Dispose();
        _limit.Dispose();
        _process.Dispose();
    }
}
