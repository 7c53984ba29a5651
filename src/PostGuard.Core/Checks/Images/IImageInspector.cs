namespace PostGuard.Core.Checks.Images;

/// <summary>Decodes an image, reads its metadata and finds faces. Implemented over PostGuard.Vision.</summary>
public interface IImageInspector
{
    /// <summary>Never throws for bad images: an unreadable image comes back with <see cref="ImageReport.Error"/> set.</summary>
    /// <param name="schoolTimeZone">Reads a capture time the camera recorded without an offset.</param>
    ImageReport Inspect(int index, string fileName, ReadOnlyMemory<byte> content, IdentifiabilityRule identifiability, TimeZoneInfo schoolTimeZone, CancellationToken cancellationToken);
}

/// <summary>
/// R3: a face is identifiable when, shown at <paramref name="DisplayWidth"/> pixels wide, it is at least
/// <paramref name="MinFacePixels"/> wide and its detection score reaches <paramref name="MinScore"/>.
/// </summary>
public sealed record IdentifiabilityRule(int DisplayWidth, int MinFacePixels, double MinScore)
{
    /// <summary>The strictest rule over the draft's channels: the widest display any of them uses.</summary>
    public static IdentifiabilityRule For(Policy.SchoolPolicy policy, IEnumerable<string> channels)
    {
        var widths = channels.Select(c => policy.Faces.DisplayWidths.TryGetValue(c, out var w) ? w : 1080).DefaultIfEmpty(1080);
        return new IdentifiabilityRule(widths.Max(), policy.Faces.MinFacePixels, policy.Faces.MinScore);
    }
}
