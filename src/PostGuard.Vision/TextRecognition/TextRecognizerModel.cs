using PostGuard.Vision.Onnx;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// PaddleOCR's PP-OCRv4 recogniser (SVTR + CTC): input [N, 3, 48, W], a text line straightened to 48 pixels high,
/// BGR scaled to [−1, 1], padded on the right with 0; output [N, W / 8, classes], each column's class probabilities.
/// Lines are batched by width so little padding is computed. Thread-safe.
/// </summary>
public sealed class TextRecognizerModel : IDisposable
{
    public const int InputHeight = 48;

    /// <summary>The recogniser reads one character column per this many input pixels.</summary>
    public const int ColumnWidth = 8;

    internal static readonly PlanarSampler.Normalisation Normalisation = new(2f, 2f, 2f, -1f, -1f, -1f);

    private readonly OnnxSession _session;
    private readonly string _input;

    public TextRecognizerModel(OnnxSession session, RecognitionAlphabet alphabet)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(alphabet);
        Alphabet = alphabet;
        _session = session;
        try
        {
            var input = _session.InputMetadata.Single();
            var output = _session.OutputMetadata.First().Value.Dimensions;
            if (input.Value.Dimensions.Length != 4 || input.Value.Dimensions[2] != InputHeight || output.Length != 3)
            {
                throw new ArgumentException("The model is not a PP-OCR recogniser: expected input [N, 3, 48, W] and output [N, T, classes].", nameof(session));
            }
            if (output[2] > 0 && output[2] != alphabet.ClassCount)
            {
                throw new ArgumentException($"The recogniser outputs {output[2]} classes but the alphabet has {alphabet.ClassCount}.", nameof(alphabet));
            }
            _input = input.Key;
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    public RecognitionAlphabet Alphabet { get; }

    /// <summary>What the recogniser read in one line, and the input width it read it at (to place the characters).</summary>
    public sealed record Reading(IReadOnlyList<CtcDecoder.DecodedCharacter> Characters, int InputWidth)
    {
        public string Text => string.Concat(Characters.Select(c => c.Text));

        /// <summary>Mean probability of the characters read (0 when none).</summary>
        public double Confidence => Characters.Count == 0 ? 0 : Characters.Average(c => c.Probability);

        /// <summary>Where along the line (0 = start, 1 = end) the centre of character column <paramref name="column"/> lies.</summary>
        public double Position(int column) => Math.Clamp(((column * ColumnWidth) + (ColumnWidth / 2.0)) / InputWidth, 0, 1);
    }

    /// <summary>Reads each line (rotated rectangles in <paramref name="image"/> pixels, reading order) in batches of up to <paramref name="batchSize"/>.</summary>
    public IReadOnlyList<Reading> Recognize(RgbImage image, IReadOnlyList<TextQuad> lines, int maxInputWidth, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(lines);
        var widths = lines.Select(q => Math.Clamp((int)Math.Ceiling(InputHeight * q.Width / Math.Max(1, q.Height)), ColumnWidth, maxInputWidth)).ToArray();
        var results = new Reading[lines.Count];
        var order = Enumerable.Range(0, lines.Count).OrderBy(i => widths[i]).ToArray();
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = order.Skip(start).Take(batchSize).ToArray();
            var tensorWidth = (batch.Max(i => widths[i]) + ColumnWidth - 1) / ColumnWidth * ColumnWidth;
            var input = new float[batch.Length * 3 * InputHeight * tensorWidth];
            for (var k = 0; k < batch.Length; k++)
            {
                PlanarSampler.SampleQuad(image, lines[batch[k]], widths[batch[k]], InputHeight, tensorWidth, k, Normalisation, input);
            }
            var (output, shape) = OnnxRun.FirstOutput(_session, _input, input, [batch.Length, 3, InputHeight, tensorWidth]);
            var columns = (int)shape[1];
            var classes = (int)shape[2];
            for (var k = 0; k < batch.Length; k++)
            {
                var characters = CtcDecoder.Decode(output.AsSpan(k * columns * classes, columns * classes), columns, classes, Alphabet);
                // Columns past the line's own width read padding: drop what they produced.
                var ownColumns = (widths[batch[k]] + ColumnWidth - 1) / ColumnWidth;
                results[batch[k]] = new Reading([.. characters.Where(c => c.Column < ownColumns)], widths[batch[k]]);
            }
        }
        return results;
    }

    public void Dispose() => _session.Dispose();
}
