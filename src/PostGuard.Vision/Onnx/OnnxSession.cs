using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace PostGuard.Vision.Onnx;

/// <summary>
/// A loaded ONNX model (ONNX Runtime's <see cref="InferenceSession"/>, made by <see cref="OnnxSessionFactory"/>).
/// Thread-safe: runs may overlap (ORT's Run is thread-safe), and <see cref="Dispose"/> waits for the runs in
/// progress before the native session is released, so a shutdown never frees memory a run still uses; a run
/// after disposal throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class OnnxSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly SessionLifetime _lifetime;
    private readonly RunOptions _runOptions = new();

    internal OnnxSession(InferenceSession session)
    {
        _session = session;
        _lifetime = new SessionLifetime(session, _runOptions);
    }

    public IReadOnlyList<string> InputNames => _session.InputNames;

    public IReadOnlyList<string> OutputNames => _session.OutputNames;

    /// <summary>Each input's element type and declared shape (-1 for a dynamic dimension).</summary>
    public IReadOnlyDictionary<string, NodeMetadata> InputMetadata => _session.InputMetadata;

    public IReadOnlyDictionary<string, NodeMetadata> OutputMetadata => _session.OutputMetadata;

    /// <summary>
    /// A binding of inputs and outputs to memory the caller owns (OrtValues over pinned buffers): bind once,
    /// <see cref="Run(OrtIoBinding)"/> many times, no copies. The caller disposes it (before this session).
    /// </summary>
    public OrtIoBinding CreateBinding()
    {
        var added = false;
        try
        {
            _lifetime.DangerousAddRef(ref added);
            return _session.CreateIoBinding();
        }
        finally
        {
            if (added)
            {
                _lifetime.DangerousRelease();
            }
        }
    }

    /// <summary>Runs the model on a binding: ORT reads the bound inputs and writes straight into the bound outputs.</summary>
    public void Run(OrtIoBinding binding)
    {
        ArgumentNullException.ThrowIfNull(binding);
        var added = false;
        try
        {
            _lifetime.DangerousAddRef(ref added);
            _session.RunWithBinding(_runOptions, binding);
        }
        finally
        {
            if (added)
            {
                _lifetime.DangerousRelease();
            }
        }
    }

    /// <summary>
    /// Runs the model on the given inputs and returns the named outputs, allocated by ORT (for outputs whose shape
    /// depends on the input). The caller disposes the returned values.
    /// </summary>
    public IDisposableReadOnlyCollection<OrtValue> Run(IReadOnlyDictionary<string, OrtValue> inputs, IReadOnlyCollection<string> outputNames)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(outputNames);
        var added = false;
        try
        {
            _lifetime.DangerousAddRef(ref added);
            return _session.Run(_runOptions, inputs, outputNames);
        }
        finally
        {
            if (added)
            {
                _lifetime.DangerousRelease();
            }
        }
    }

    public void Dispose() => _lifetime.Dispose();

    /// <summary>Reference-counts the runs in progress (SafeHandle semantics): the session is released by the last one out.</summary>
    private sealed class SessionLifetime : SafeHandle
    {
        private readonly InferenceSession _session;
        private readonly RunOptions _runOptions;

        public SessionLifetime(InferenceSession session, RunOptions runOptions)
            : base(IntPtr.Zero, ownsHandle: true)
        {
            _session = session;
            _runOptions = runOptions;
            SetHandle(1);
        }

        public override bool IsInvalid => handle == IntPtr.Zero;

        protected override bool ReleaseHandle()
        {
            _session.Dispose();
            _runOptions.Dispose();
            return true;
        }
    }
}
