using Microsoft.ML.OnnxRuntime;

namespace PostGuard.Vision.TextRecognition;

/// <summary>Creates the ONNX Runtime sessions of the text models with the project's settings (one intra-op thread by default, no spinning).</summary>
internal static class OcrSessions
{
    public static InferenceSession Create(string modelPath, int intraOpThreads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(intraOpThreads, 1);
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        // Spinning threads wait hot for work: with several sessions on few cores it only adds latency spikes.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        options.AddSessionConfigEntry("session.inter_op.allow_spinning", "0");
        return new InferenceSession(modelPath, options);
    }

    /// <summary>Runs a model with one float input and returns its first output's values and shape.</summary>
    public static (float[] Values, long[] Shape) Run(InferenceSession session, string input, float[] values, long[] shape)
    {
        using var tensor = OrtValue.CreateTensorValueFromMemory(values, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, [input], [tensor], session.OutputNames.Take(1).ToArray());
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }
}
