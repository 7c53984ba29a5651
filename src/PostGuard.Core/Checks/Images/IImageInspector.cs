namespace PostGuard.Core.Checks.Images;

/// <summary>Decodes an image, reads its metadata and finds faces. Implemented over PostGuard.Vision.</summary>
public interface IImageInspector
{
    /// <summary>Never throws for bad images: an unreadable image comes back with <see cref="ImageReport.Error"/> set.</summary>
    ImageReport Inspect(int index, string fileName, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);
}
