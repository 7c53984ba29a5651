namespace PostGuard.Vision.Faces;

/// <summary>
/// The policy's rule for when a face can identify someone (R3): its width, at the size the channel
/// shows the image, reaches <see cref="MinFaceWidthPixels"/>, and the detector is at least <see cref="MinScore"/> sure.
/// </summary>
/// <param name="DisplayWidth">The channel's display width in pixels, e.g. 1080 for Instagram.</param>
/// <param name="MinFaceWidthPixels">Smallest identifiable face width at that display width, in pixels.</param>
/// <param name="MinScore">Smallest detector score for a face to count.</param>
public sealed record Identifiability(int DisplayWidth, double MinFaceWidthPixels, double MinScore)
{
    /// <summary>
    /// The face's width as the channel displays it: faceWidth × displayWidth / imageWidth, never enlarged
    /// (an image narrower than the display is shown at its own size).
    /// </summary>
    public double DisplayedFaceWidth(double faceWidth, int imageWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(DisplayWidth, 1);
        return faceWidth * Math.Min(DisplayWidth, imageWidth) / imageWidth;
    }

    public bool IsIdentifiable(double faceWidth, double score, int imageWidth) =>
        score >= MinScore && DisplayedFaceWidth(faceWidth, imageWidth) >= MinFaceWidthPixels;

    public bool IsIdentifiable(FaceDetection face, int imageWidth)
    {
        ArgumentNullException.ThrowIfNull(face);
        return IsIdentifiable(face.Box.Width, face.Score, imageWidth);
    }
}
