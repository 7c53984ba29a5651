using PostGuard.Vision.Onnx;
using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.TextRecognition;

/// <summary>
/// PaddleOCR's PP-OCRv4 text detector (DB): input [1, 3, H, W] with H and W multiples of 32, BGR normalised by ImageNet's
/// mean and standard deviation; output [1, 1, H, W], the probability that each pixel lies in (shrunk) text.
/// Thread-safe: the session may run concurrently.
/// </summary>
public sealed class TextDetectorModel : IDisposable
{
    /// <summary>The sides of the input must be multiples of this (the network downsamples by 32).</summary>
    public const int SideMultiple = 32;

    internal static readonly PlanarSampler.Normalisation Normalisation = PlanarSampler.Normalisation.MeanStd(0.485, 0.456, 0.406, 0.229, 0.224, 0.225);

    private readonly OnnxSession _session;
    private readonly string _input;

    public TextDetectorModel(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        try
        {
            var input = _session.InputMetadata.Single();
            if (input.Value.Dimensions.Length != 4 || input.Value.Dimensions[1] != 3 || _session.OutputMetadata.Count != 1)
            {
                throw new ArgumentException("The model is not a PP-OCR text detector: expected one input [N, 3, H, W] and one output.", nameof(session));
            }
            _input = input.Key;
        }
        catch
        {
            _session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs the detector on an upright window of <paramref name="image"/> shrunk (or enlarged) by <paramref name="scale"/>
    /// (model pixels per image pixel) and returns the probability map, <see cref="MapWidth"/> × <see cref="MapHeight"/> of it holding the window.
    /// </summary>
    public ProbabilityMap Run(RgbImage image, double x, double y, double width, double height, double scale)
    {
        ArgumentNullException.ThrowIfNull(image);
        var contentWidth = Math.Max(1, (int)Math.Round(width * scale));
        var contentHeight = Math.Max(1, (int)Math.Round(height * scale));
        var tensorWidth = RoundUp(contentWidth);
        var tensorHeight = RoundUp(contentHeight);
        var input = new float[3 * tensorWidth * tensorHeight];
        PlanarSampler.SampleWindow(image, x, y, width, height, contentWidth, contentHeight, tensorWidth, tensorHeight, Normalisation, input);
        var (map, shape) = OnnxRun.FirstOutput(_session, _input, input, [1, 3, tensorHeight, tensorWidth]);
        if (shape.Length != 4 || shape[2] != tensorHeight || shape[3] != tensorWidth)
        {
            throw new InvalidOperationException($"The text detector returned a map of shape [{string.Join(", ", shape)}] for input {tensorWidth}×{tensorHeight}.");
        }
        return new ProbabilityMap(map, tensorWidth, tensorHeight, contentWidth, contentHeight, x, y, width / contentWidth, height / contentHeight);
    }

    private static int RoundUp(int side) => Math.Max(SideMultiple, (side + SideMultiple - 1) / SideMultiple * SideMultiple);

    public void Dispose() => _session.Dispose();
}

/// <summary>
/// The detector's output over one window: <see cref="Values"/> row by row, <see cref="Width"/> wide; the window's content
/// fills the top-left <see cref="ContentWidth"/> × <see cref="ContentHeight"/>; map pixel (u, v), whose centre is at (u, v), covers the image from
/// (<see cref="OriginX"/> + u × <see cref="PixelWidth"/>, <see cref="OriginY"/> + v × <see cref="PixelHeight"/>) one pixel size on.
/// </summary>
public sealed record ProbabilityMap(float[] Values, int Width, int Height, int ContentWidth, int ContentHeight, double OriginX, double OriginY, double PixelWidth, double PixelHeight)
{
    public TextPoint ToImage(TextPoint mapPoint) => new(OriginX + ((mapPoint.X + 0.5) * PixelWidth), OriginY + ((mapPoint.Y + 0.5) * PixelHeight));

    public TextQuad ToImage(TextQuad quad) => new(ToImage(quad.TopLeft), ToImage(quad.TopRight), ToImage(quad.BottomRight), ToImage(quad.BottomLeft));
}
