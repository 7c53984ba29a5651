using Microsoft.ML.OnnxRuntime;
using PostGuard.Vision.Onnx;

namespace PostGuard.Vision.TextRecognition;

/// <summary>One run of a text model: a float tensor in, the first output's values and shape out.</summary>
internal static class OnnxRun
{
    public static (float[] Values, long[] Shape) FirstOutput(OnnxSession session, string input, float[] values, long[] shape)
    {
        using var tensor = OrtValue.CreateTensorValueFromMemory(values, shape);
        using var outputs = session.Run(new Dictionary<string, OrtValue> { [input] = tensor }, [session.OutputNames[0]]);
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }
}
