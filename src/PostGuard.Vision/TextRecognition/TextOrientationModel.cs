using PostGuard.Vision.Onnx;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// PaddleOCR's text-line orientation classifier (mobile v2.0): input [N, 3, 48, 192], a line straightened and
/// scaled to 48 pixels high (at most 192 wide, padded with 0), BGR scaled to [−1, 1]; output [N, 2], the
/// probabilities that the line is upright and that it is upside down. Thread-safe.
/// </summary>
public sealed class TextOrientationModel : IDisposable
{
    public const int InputHeight = 48;
    public const int InputWidth = 192;

    private readonly OnnxSession _session;
    private readonly string _input;

    public TextOrientationModel(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        try
        {
            var input = _session.InputMetadata.Single();
            var output = _session.OutputMetadata.First().Value.Dimensions;
            if (input.Value.Dimensions.Length != 4 || output.Length != 2 || output[1] != 2)
            {
                throw new ArgumentException("The model is not a PP-OCR orientation classifier: expected input [N, 3, 48, 192] and output [N, 2].", nameof(session));
            }
            _input = input.Key;
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>For each line, the probability that it is upside down.</summary>
    public float[] UpsideDown(RgbImage image, IReadOnlyList<TextQuad> lines)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return [];
        }
        var input = new float[lines.Count * 3 * InputHeight * InputWidth];
        for (var k = 0; k < lines.Count; k++)
        {
            var q = lines[k];
            var width = Math.Clamp((int)Math.Ceiling(InputHeight * q.Width / Math.Max(1, q.Height)), 1, InputWidth);
            PlanarSampler.SampleQuad(image, q, width, InputHeight, InputWidth, k, TextRecognizerModel.Normalisation, input);
        }
        var (output, _) = OnnxRun.FirstOutput(_session, _input, input, [lines.Count, 3, InputHeight, InputWidth]);
        return [.. Enumerable.Range(0, lines.Count).Select(k => output[(2 * k) + 1])];
    }

    public void Dispose() => _session.Dispose();
}
