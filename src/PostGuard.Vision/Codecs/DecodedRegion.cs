namespace PostGuard.Vision.Codecs;

/// <summary>
/// A part of an image decoded as displayed (EXIF orientation applied): its pixels, the displayed full-resolution rectangle they
/// cover (at least the part asked for), and decoded pixels per displayed full-resolution pixel.
/// </summary>
public sealed record DecodedRegion(RgbImage Pixels, PixelRect Area, double Scale);
