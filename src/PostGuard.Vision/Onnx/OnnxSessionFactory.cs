using Microsoft.ML.OnnxRuntime;

namespace PostGuard.Vision.Onnx;

/// <summary>
/// The one place that creates ONNX Runtime sessions with the project's settings: a model file or its bytes in,
/// an <see cref="OnnxSession"/> out. Every model (BlazeFace today) is loaded through it, so threads, spinning,
/// graph optimisation and logging are the same everywhere. Creating a session takes 10–40 ms: create once, reuse.
/// </summary>
/// <remarks>
/// A model that cannot be loaded throws ONNX Runtime's <see cref="OnnxRuntimeException"/>, its message led by ORT's
/// code (a missing file "[ErrorCode:NoSuchFile]", garbage bytes "[ErrorCode:InvalidProtobuf]"); callers treat any
/// failure to load as an infrastructure failure and fail closed.
/// </remarks>
public sealed class OnnxSessionFactory
{
    private static readonly Lock EnvironmentLock = new();
    private static bool _environmentConfigured;

    public OnnxSessionFactory(OnnxSessionSettings? settings = null)
    {
        Settings = settings ?? OnnxSessionSettings.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(Settings.IntraOpThreads, 1, nameof(settings));
    }

    public OnnxSessionSettings Settings { get; }

    /// <summary>The version of the ONNX Runtime library that runs the sessions, e.g. "1.31.1".</summary>
    public static string RuntimeVersion
    {
        get
        {
            ConfigureEnvironment();
            return OrtEnv.Instance().GetVersionString();
        }
    }

    /// <summary>Loads a model from a file.</summary>
    public OnnxSession Create(string modelPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelPath);
        return Create(options => new InferenceSession(modelPath, options));
    }

    /// <summary>Loads a model from its bytes (ONNX Runtime copies what it needs; the array may be dropped afterwards).</summary>
    public OnnxSession Create(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Create(options => new InferenceSession(model, options));
    }

    private OnnxSession Create(Func<SessionOptions, InferenceSession> load)
    {
        ConfigureEnvironment();
        using var options = new SessionOptions
        {
            IntraOpNumThreads = Settings.IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // WARNING prints constant-folding notices for the BlazeFace models on every load.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (Settings.IntraOpThreads > 1)
        {
            options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        }
        return new OnnxSession(load(options));
    }

    /// <summary>The process-wide OrtEnv logs errors only (its default, WARNING, is noise for these models).</summary>
    private static void ConfigureEnvironment()
    {
        lock (EnvironmentLock)
        {
            if (!_environmentConfigured)
            {
                OrtEnv.Instance().EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR;
                _environmentConfigured = true;
            }
        }
    }
}
