using System.Runtime.InteropServices;

namespace PostGuard.Vision.OnnxRuntime;

/// <summary>
/// The ONNX Runtime C API function table (OrtGetApiBase → GetApi(30)), called through unmanaged
/// function pointers. Indices are zero-based positions in struct OrtApi of
/// include/onnxruntime/core/session/onnxruntime_c_api.h (ORT 1.30, ORT_API_VERSION 30).
/// One table (and one OrtEnv) per process; the native library is loaded by full path.
/// </summary>
internal sealed unsafe class OrtApi
{
    public const uint ApiVersion = 30;

    private const int GetErrorCodeIndex = 1;
    private const int GetErrorMessageIndex = 2;
    private const int CreateEnvIndex = 3;
    private const int CreateSessionIndex = 7;
    private const int CreateSessionFromArrayIndex = 8;
    private const int RunIndex = 9;
    private const int CreateSessionOptionsIndex = 10;
    private const int SetSessionGraphOptimizationLevelIndex = 23;
    private const int SetIntraOpNumThreadsIndex = 24;
    private const int SetInterOpNumThreadsIndex = 25;
    private const int SessionGetInputCountIndex = 30;
    private const int SessionGetOutputCountIndex = 31;
    private const int SessionGetInputTypeInfoIndex = 33;
    private const int SessionGetOutputTypeInfoIndex = 34;
    private const int SessionGetInputNameIndex = 36;
    private const int SessionGetOutputNameIndex = 37;
    private const int CreateTensorWithDataAsOrtValueIndex = 49;
    private const int GetTensorMutableDataIndex = 51;
    private const int CastTypeInfoToTensorInfoIndex = 55;
    private const int GetTensorElementTypeIndex = 60;
    private const int GetDimensionsCountIndex = 61;
    private const int GetDimensionsIndex = 62;
    private const int GetTensorTypeAndShapeIndex = 65;
    private const int CreateCpuMemoryInfoIndex = 69;
    private const int AllocatorFreeIndex = 76;
    private const int GetAllocatorWithDefaultOptionsIndex = 78;
    private const int ReleaseStatusIndex = 93;
    private const int ReleaseMemoryInfoIndex = 94;
    private const int ReleaseSessionIndex = 95;
    private const int ReleaseValueIndex = 96;
    private const int ReleaseTypeInfoIndex = 98;
    private const int ReleaseTensorTypeAndShapeInfoIndex = 99;
    private const int ReleaseSessionOptionsIndex = 100;
    private const int AddSessionConfigEntryIndex = 130;

    /// <summary>ORT_LOGGING_LEVEL_ERROR: WARNING prints constant-folding notices for the BlazeFace models.</summary>
    private const int LogLevelError = 3;

    /// <summary>ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT.</summary>
    public const int ElementTypeFloat = 1;

    private static readonly Lock LoadLock = new();
    private static readonly Dictionary<string, OrtApi> Loaded = new(StringComparer.Ordinal);

    private readonly nint* _table;

    private OrtApi(nint* table, string version)
    {
        _table = table;
        Version = version;
        nint env;
        var logId = Utf8("PostGuard");
        fixed (byte* id = logId)
        {
            Check(((delegate* unmanaged[Cdecl]<int, byte*, nint*, nint>)_table[CreateEnvIndex])(LogLevelError, id, &env));
        }
        Env = env;
        nint memoryInfo;
        // OrtArenaAllocator = 1, OrtMemTypeDefault = 0
        Check(((delegate* unmanaged[Cdecl]<int, int, nint*, nint>)_table[CreateCpuMemoryInfoIndex])(1, 0, &memoryInfo));
        CpuMemoryInfo = memoryInfo;
        nint allocator;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)_table[GetAllocatorWithDefaultOptionsIndex])(&allocator));
        DefaultAllocator = allocator;
    }

    /// <summary>The process-wide OrtEnv (lives as long as the process, as ORT recommends).</summary>
    public nint Env { get; }

    /// <summary>CPU memory info for tensors over managed buffers (process lifetime).</summary>
    public nint CpuMemoryInfo { get; }

    /// <summary>ORT's default allocator: borrowed, never released.</summary>
    public nint DefaultAllocator { get; }

    public string Version { get; }

    /// <summary>Loads libonnxruntime from its full path (once per path) and returns its API table.</summary>
    public static OrtApi Load(string libraryPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(libraryPath);
        var fullPath = Path.GetFullPath(libraryPath);
        lock (LoadLock)
        {
            if (Loaded.TryGetValue(fullPath, out var existing))
            {
                return existing;
            }
            if (!File.Exists(fullPath))
            {
                throw new OnnxRuntimeException(OrtErrorCode.NoSuchFile, $"the ONNX Runtime library '{fullPath}' does not exist (run models/fetch).");
            }
            nint library;
            try
            {
                library = NativeLibrary.Load(fullPath);
            }
            catch (DllNotFoundException e)
            {
                throw new OnnxRuntimeException($"could not load the ONNX Runtime library '{fullPath}': {e.Message}", e);
            }
            if (!NativeLibrary.TryGetExport(library, "OrtGetApiBase", out var getApiBase))
            {
                throw new OnnxRuntimeException(OrtErrorCode.Fail, $"'{fullPath}' does not export OrtGetApiBase: it is not ONNX Runtime.");
            }
            var apiBase = ((delegate* unmanaged[Cdecl]<nint*>)getApiBase)();
            var getApi = (delegate* unmanaged[Cdecl]<uint, nint*>)apiBase[0];
            var getVersion = (delegate* unmanaged[Cdecl]<byte*>)apiBase[1];
            var version = Marshal.PtrToStringUTF8((nint)getVersion()) ?? "unknown";
            var table = getApi(ApiVersion);
            if (table is null)
            {
                throw new OnnxRuntimeException(OrtErrorCode.Fail, $"ONNX Runtime {version} at '{fullPath}' does not offer C API version {ApiVersion}.");
            }
            var api = new OrtApi(table, version);
            Loaded[fullPath] = api;
            return api;
        }
    }

    /// <summary>Turns a non-null OrtStatus into an <see cref="OnnxRuntimeException"/>, releasing the status.</summary>
    public void Check(nint status)
    {
        if (status == 0)
        {
            return;
        }
        var code = ((delegate* unmanaged[Cdecl]<nint, int>)_table[GetErrorCodeIndex])(status);
        var message = Marshal.PtrToStringUTF8(((delegate* unmanaged[Cdecl]<nint, nint>)_table[GetErrorMessageIndex])(status)) ?? "(no message)";
        ((delegate* unmanaged[Cdecl]<nint, void>)_table[ReleaseStatusIndex])(status);
        throw new OnnxRuntimeException((OrtErrorCode)code, message);
    }

    public nint CreateSessionOptions()
    {
        nint options;
        Check(((delegate* unmanaged[Cdecl]<nint*, nint>)_table[CreateSessionOptionsIndex])(&options));
        return options;
    }

    public void ReleaseSessionOptions(nint options) => ((delegate* unmanaged[Cdecl]<nint, void>)_table[ReleaseSessionOptionsIndex])(options);

    public void SetIntraOpNumThreads(nint options, int threads) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)_table[SetIntraOpNumThreadsIndex])(options, threads));

    public void SetInterOpNumThreads(nint options, int threads) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)_table[SetInterOpNumThreadsIndex])(options, threads));

    /// <summary>GraphOptimizationLevel: ORT_ENABLE_ALL = 99.</summary>
    public void SetGraphOptimizationLevel(nint options, int level) =>
        Check(((delegate* unmanaged[Cdecl]<nint, int, nint>)_table[SetSessionGraphOptimizationLevelIndex])(options, level));

    public void AddSessionConfigEntry(nint options, string key, string value)
    {
        var k = Utf8(key);
        var v = Utf8(value);
        fixed (byte* kp = k)
        fixed (byte* vp = v)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, byte*, nint>)_table[AddSessionConfigEntryIndex])(options, kp, vp));
        }
    }

    public nint CreateSession(string modelPath, nint options)
    {
        // On Linux ORTCHAR_T is char (UTF-8); on Windows it is wchar_t.
        nint session;
        if (OperatingSystem.IsWindows())
        {
            fixed (char* p = modelPath)
            {
                Check(((delegate* unmanaged[Cdecl]<nint, char*, nint, nint*, nint>)_table[CreateSessionIndex])(Env, p, options, &session));
            }
        }
        else
        {
            var path = Utf8(modelPath);
            fixed (byte* p = path)
            {
                Check(((delegate* unmanaged[Cdecl]<nint, byte*, nint, nint*, nint>)_table[CreateSessionIndex])(Env, p, options, &session));
            }
        }
        return session;
    }

    public nint CreateSessionFromArray(ReadOnlySpan<byte> model, nint options)
    {
        nint session;
        fixed (byte* m = model)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, byte*, nuint, nint, nint*, nint>)_table[CreateSessionFromArrayIndex])(Env, m, (nuint)model.Length, options, &session));
        }
        return session;
    }

    public void ReleaseSession(nint session) => ((delegate* unmanaged[Cdecl]<nint, void>)_table[ReleaseSessionIndex])(session);

    public int GetInputCount(nint session)
    {
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)_table[SessionGetInputCountIndex])(session, &count));
        return checked((int)count);
    }

    public int GetOutputCount(nint session)
    {
        nuint count;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)_table[SessionGetOutputCountIndex])(session, &count));
        return checked((int)count);
    }

    public string GetInputName(nint session, int index) => GetName(SessionGetInputNameIndex, session, index);

    public string GetOutputName(nint session, int index) => GetName(SessionGetOutputNameIndex, session, index);

    private string GetName(int functionIndex, nint session, int index)
    {
        byte* name;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint, byte**, nint>)_table[functionIndex])(session, (nuint)index, DefaultAllocator, &name));
        try
        {
            return Marshal.PtrToStringUTF8((nint)name) ?? string.Empty;
        }
        finally
        {
            // Names are allocated with the allocator we passed: free them with it.
            Check(((delegate* unmanaged[Cdecl]<nint, void*, nint>)_table[AllocatorFreeIndex])(DefaultAllocator, name));
        }
    }

    public (int ElementType, long[] Shape) GetInputTensorInfo(nint session, int index) => GetTensorInfo(SessionGetInputTypeInfoIndex, session, index);

    public (int ElementType, long[] Shape) GetOutputTensorInfo(nint session, int index) => GetTensorInfo(SessionGetOutputTypeInfoIndex, session, index);

    private (int ElementType, long[] Shape) GetTensorInfo(int functionIndex, nint session, int index)
    {
        nint typeInfo;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint, nint*, nint>)_table[functionIndex])(session, (nuint)index, &typeInfo));
        try
        {
            nint tensorInfo; // borrowed from typeInfo
            Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)_table[CastTypeInfoToTensorInfoIndex])(typeInfo, &tensorInfo));
            if (tensorInfo == 0)
            {
                return (0, []);
            }
            return ReadTypeAndShape(tensorInfo);
        }
        finally
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)_table[ReleaseTypeInfoIndex])(typeInfo);
        }
    }

    private (int ElementType, long[] Shape) ReadTypeAndShape(nint typeAndShape)
    {
        int elementType;
        Check(((delegate* unmanaged[Cdecl]<nint, int*, nint>)_table[GetTensorElementTypeIndex])(typeAndShape, &elementType));
        nuint rank;
        Check(((delegate* unmanaged[Cdecl]<nint, nuint*, nint>)_table[GetDimensionsCountIndex])(typeAndShape, &rank));
        var shape = new long[(int)rank];
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, long*, nuint, nint>)_table[GetDimensionsIndex])(typeAndShape, s, rank));
        }
        return (elementType, shape);
    }

    /// <summary>Wraps a pinned float buffer as an OrtValue (the buffer must stay pinned until <see cref="ReleaseValue"/>).</summary>
    public nint CreateFloatTensor(float* data, int length, ReadOnlySpan<long> shape)
    {
        nint value;
        fixed (long* s = shape)
        {
            Check(((delegate* unmanaged[Cdecl]<nint, void*, nuint, long*, nuint, int, nint*, nint>)_table[CreateTensorWithDataAsOrtValueIndex])(
                CpuMemoryInfo, data, (nuint)((long)length * sizeof(float)), s, (nuint)shape.Length, ElementTypeFloat, &value));
        }
        return value;
    }

    public void ReleaseValue(nint value)
    {
        if (value != 0)
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)_table[ReleaseValueIndex])(value);
        }
    }

    public void Run(nint session, nint* inputNames, nint* inputs, int inputCount, nint* outputNames, int outputCount, nint* outputs) =>
        Check(((delegate* unmanaged[Cdecl]<nint, nint, nint*, nint*, nuint, nint*, nuint, nint*, nint>)_table[RunIndex])(
            session, 0, inputNames, inputs, (nuint)inputCount, outputNames, (nuint)outputCount, outputs));

    /// <summary>Copies an output tensor (float) into managed memory with its shape.</summary>
    public FloatTensor ReadFloatTensor(nint value)
    {
        nint typeAndShape;
        Check(((delegate* unmanaged[Cdecl]<nint, nint*, nint>)_table[GetTensorTypeAndShapeIndex])(value, &typeAndShape));
        (int elementType, long[] shape) info;
        try
        {
            info = ReadTypeAndShape(typeAndShape);
        }
        finally
        {
            ((delegate* unmanaged[Cdecl]<nint, void>)_table[ReleaseTensorTypeAndShapeInfoIndex])(typeAndShape);
        }
        if (info.elementType != ElementTypeFloat)
        {
            throw new OnnxRuntimeException(OrtErrorCode.InvalidArgument, $"output element type {info.elementType} is not float.");
        }
        long count = 1;
        foreach (var d in info.shape)
        {
            count *= d;
        }
        void* data;
        Check(((delegate* unmanaged[Cdecl]<nint, void**, nint>)_table[GetTensorMutableDataIndex])(value, &data));
        var managed = new float[checked((int)count)];
        new ReadOnlySpan<float>(data, managed.Length).CopyTo(managed);
        return new FloatTensor(managed, info.shape);
    }

    public static byte[] Utf8(string value)
    {
        var bytes = new byte[System.Text.Encoding.UTF8.GetByteCount(value) + 1];
        System.Text.Encoding.UTF8.GetBytes(value, bytes);
        return bytes;
    }
}
