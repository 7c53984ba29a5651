using System.Runtime.InteropServices;

namespace PostGuard.Vision.OnnxRuntime;

/// <summary>
/// A loaded ONNX model. Thread-safe: <see cref="Run"/> may be called from several threads at once
/// (ORT's Session::Run is), and disposal waits for runs in progress (the native session is a
/// reference-counted <see cref="SafeHandle"/>). Create once, reuse: creation takes 10–40 ms.
/// </summary>
public sealed unsafe class InferenceSession : IDisposable
{
    private readonly OrtApi _api;
    private readonly SessionHandle _handle;
    private readonly Dictionary<string, int> _inputIndex;

    private InferenceSession(OrtApi api, SessionHandle handle)
    {
        _api = api;
        _handle = handle;
        var inputs = new List<TensorMetadata>();
        var outputs = new List<TensorMetadata>();
        var session = handle.DangerousGetHandle();
        for (var i = 0; i < api.GetInputCount(session); i++)
        {
            var (type, shape) = api.GetInputTensorInfo(session, i);
            inputs.Add(new TensorMetadata(api.GetInputName(session, i), shape, type == OrtApi.ElementTypeFloat));
        }
        for (var i = 0; i < api.GetOutputCount(session); i++)
        {
            var (type, shape) = api.GetOutputTensorInfo(session, i);
            outputs.Add(new TensorMetadata(api.GetOutputName(session, i), shape, type == OrtApi.ElementTypeFloat));
        }
        Inputs = inputs;
        Outputs = outputs;
        _inputIndex = inputs.Select((m, i) => (m.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        handle.SetNames(inputs.Select(m => m.Name), outputs.Select(m => m.Name));
    }

    public IReadOnlyList<TensorMetadata> Inputs { get; }

    public IReadOnlyList<TensorMetadata> Outputs { get; }

    /// <summary>The ONNX Runtime version that runs this session, e.g. "1.30.0".</summary>
    public string RuntimeVersion => _api.Version;

    /// <summary>Loads a model from a file (read into memory and created from bytes, so paths work the same on every OS).</summary>
    public static InferenceSession FromFile(string runtimeLibraryPath, string modelPath, SessionSettings? settings = null)
    {
        var api = OrtApi.Load(runtimeLibraryPath);
        if (!File.Exists(modelPath))
        {
            // Let ORT report it with its own code, as it would for any unreadable model.
            return Create(api, settings, options => api.CreateSession(modelPath, options));
        }
        return FromBytes(runtimeLibraryPath, File.ReadAllBytes(modelPath), settings);
    }

    public static InferenceSession FromBytes(string runtimeLibraryPath, ReadOnlySpan<byte> model, SessionSettings? settings = null)
    {
        var api = OrtApi.Load(runtimeLibraryPath);
        fixed (byte* m = model)
        {
            var pointer = m;
            var length = model.Length;
            return Create(api, settings, options => api.CreateSessionFromArray(new ReadOnlySpan<byte>(pointer, length), options));
        }
    }

    private static InferenceSession Create(OrtApi api, SessionSettings? settings, Func<nint, nint> create)
    {
        settings ??= SessionSettings.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.IntraOpThreads, 1, nameof(settings));
        var options = api.CreateSessionOptions();
        SessionHandle? handle = null;
        try
        {
            api.SetIntraOpNumThreads(options, settings.IntraOpThreads);
            api.SetInterOpNumThreads(options, 1);
            api.SetGraphOptimizationLevel(options, 99);
            if (settings.IntraOpThreads > 1)
            {
                api.AddSessionConfigEntry(options, "session.intra_op.allow_spinning", "0");
            }
            handle = new SessionHandle(api, create(options));
            return new InferenceSession(api, handle);
        }
        catch
        {
            handle?.Dispose();
            throw;
        }
        finally
        {
            api.ReleaseSessionOptions(options);
        }
    }

    /// <summary>Runs the model on float inputs (by name) and returns every output, in <see cref="Outputs"/> order.</summary>
    public IReadOnlyList<FloatTensor> Run(IReadOnlyDictionary<string, FloatTensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != Inputs.Count)
        {
            throw new ArgumentException($"the model takes {Inputs.Count} input(s) ({string.Join(", ", Inputs.Select(i => i.Name))}); {inputs.Count} given.", nameof(inputs));
        }
        var ordered = new FloatTensor[Inputs.Count];
        foreach (var (name, tensor) in inputs)
        {
            if (!_inputIndex.TryGetValue(name, out var index))
            {
                throw new ArgumentException($"the model has no input '{name}'.", nameof(inputs));
            }
            ordered[index] = tensor;
        }
        return Run(ordered);
    }

    /// <summary>Runs the model on float inputs given in <see cref="Inputs"/> order.</summary>
    public IReadOnlyList<FloatTensor> Run(params ReadOnlySpan<FloatTensor> inputs)
    {
        if (inputs.Length != Inputs.Count)
        {
            throw new ArgumentException($"the model takes {Inputs.Count} input(s); {inputs.Length} given.", nameof(inputs));
        }
        var pins = new GCHandle[inputs.Length];
        var values = stackalloc nint[inputs.Length];
        var outputs = stackalloc nint[Outputs.Count];
        // ORT writes each output pointer; null ones are skipped on release (also when Run fails half-way).
        new Span<nint>(values, inputs.Length).Clear();
        new Span<nint>(outputs, Outputs.Count).Clear();
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            for (var i = 0; i < inputs.Length; i++)
            {
                pins[i] = GCHandle.Alloc(inputs[i].Data, GCHandleType.Pinned);
                var shape = inputs[i].Shape.ToArray();
                values[i] = _api.CreateFloatTensor((float*)pins[i].AddrOfPinnedObject(), inputs[i].Data.Length, shape);
            }
            _api.Run(_handle.DangerousGetHandle(), _handle.InputNames, values, inputs.Length, _handle.OutputNames, Outputs.Count, outputs);
            var results = new FloatTensor[Outputs.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = _api.ReadFloatTensor(outputs[i]);
            }
            return results;
        }
        finally
        {
            for (var i = 0; i < Outputs.Count; i++)
            {
                _api.ReleaseValue(outputs[i]);
            }
            for (var i = 0; i < inputs.Length; i++)
            {
                _api.ReleaseValue(values[i]);
                if (pins[i].IsAllocated)
                {
                    pins[i].Free();
                }
            }
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    /// <summary>The native OrtSession plus the NUL-terminated UTF-8 names Run needs, released together.</summary>
    private sealed class SessionHandle : SafeHandle
    {
        private readonly OrtApi _api;
        private nint _nameBlock;
        private nint _names;

        public SessionHandle(OrtApi api, nint session)
            : base(0, ownsHandle: true)
        {
            _api = api;
            SetHandle(session);
        }

        public override bool IsInvalid => handle == 0;

        public nint* InputNames => (nint*)_names;

        public nint* OutputNames { get; private set; }

        public void SetNames(IEnumerable<string> inputs, IEnumerable<string> outputs)
        {
            var all = inputs.Select(OrtApi.Utf8).ToList();
            var inputCount = all.Count;
            all.AddRange(outputs.Select(OrtApi.Utf8));
            _names = Marshal.AllocHGlobal(Math.Max(1, all.Count) * sizeof(nint));
            _nameBlock = Marshal.AllocHGlobal(Math.Max(1, all.Sum(b => b.Length)));
            var offset = 0;
            for (var i = 0; i < all.Count; i++)
            {
                var target = _nameBlock + offset;
                Marshal.Copy(all[i], 0, target, all[i].Length);
                ((nint*)_names)[i] = target;
                offset += all[i].Length;
            }
            OutputNames = (nint*)_names + inputCount;
        }

        protected override bool ReleaseHandle()
        {
            _api.ReleaseSession(handle);
            if (_names != 0)
            {
                Marshal.FreeHGlobal(_names);
                Marshal.FreeHGlobal(_nameBlock);
            }
            return true;
        }
    }
}
