namespace PostGuard.Core.Checks.Images;

/// <summary>
/// Used when no face detector can be configured: every image is reported unreadable, so a draft
/// with photos is held ("analysis incomplete") rather than approved without a face check.
/// </summary>
public sealed class UnavailableImageInspector(string why) : IImageInspector
{
    public ImageReport Inspect(int index, string fileName, ReadOnlyMemory<byte> content, IdentifiabilityRule identifiability, TimeZoneInfo schoolTimeZone, CancellationToken cancellationToken) =>
        new() { Index = index, FileName = fileName, Error = $"face detection is not available: {why}" };
}
