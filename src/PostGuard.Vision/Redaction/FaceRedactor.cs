using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Redaction;

/// <summary>
/// Irreversibly hides the given faces, and only those: each box grown by a margin, then redacted by
/// <see cref="RegionRedactor"/> (mean fill, edges softened inwards). Which faces to hide is the caller's choice.
/// </summary>
public static class FaceRedactor
{
    /// <param name="margin">Growth of each box per side, as a fraction of its width (sideways) and height (up and down).</param>
    public static void Redact(RgbImage image, IEnumerable<FaceBox> faces, double margin)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        RegionRedactor.Redact(image, Grow(faces, margin, image.Width, image.Height));
    }

    /// <summary>The boxes a redaction of <paramref name="faces"/> covers: each grown by <paramref name="margin"/>, clipped to the image.</summary>
    public static IEnumerable<FaceBox> Grow(IEnumerable<FaceBox> faces, double margin, int imageWidth, int imageHeight)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentOutOfRangeException.ThrowIfNegative(margin);
        return faces.Select(f => f.Expand(margin, imageWidth, imageHeight));
    }
}
