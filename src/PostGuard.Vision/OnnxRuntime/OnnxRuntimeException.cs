namespace PostGuard.Vision.OnnxRuntime;

/// <summary>ORT's error codes (OrtErrorCode in onnxruntime_c_api.h).</summary>
public enum OrtErrorCode
{
    Ok = 0,
    Fail = 1,
    InvalidArgument = 2,
    NoSuchFile = 3,
    NoModel = 4,
    EngineError = 5,
    RuntimeException = 6,
    InvalidProtobuf = 7,
    ModelLoaded = 8,
    NotImplemented = 9,
    InvalidGraph = 10,
    ExecutionProviderFailure = 11,
    ModelRequiresCompilation = 12,
}

/// <summary>A non-null OrtStatus from ONNX Runtime (or a failure to load the runtime itself), with ORT's code and message.</summary>
public sealed class OnnxRuntimeException : Exception
{
    public OnnxRuntimeException()
        : this(OrtErrorCode.Fail, "ONNX Runtime failed.")
    {
    }

    public OnnxRuntimeException(string message)
        : this(OrtErrorCode.Fail, message)
    {
    }

    public OnnxRuntimeException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = OrtErrorCode.Fail;
    }

    public OnnxRuntimeException(OrtErrorCode errorCode, string message)
        : base($"ONNX Runtime error {(int)errorCode} ({errorCode}): {message}")
    {
        ErrorCode = errorCode;
        OrtMessage = message;
    }

    public OrtErrorCode ErrorCode { get; }

    /// <summary>The message exactly as ORT reported it.</summary>
    public string? OrtMessage { get; }
}
