using PostGuard.Core.Blobs;

namespace PostGuard.Core.Submissions;

public static class StoredImageContent
{
    /// <summary>
    /// The bytes of a draft's photo; <see cref="BlobMissingException"/> (410 to a caller) when the
    /// retention policy has deleted it or the store lost it.
    /// </summary>
    public static async Task<byte[]> ReadAsync(this BlobStore blobs, StoredImage image, CancellationToken cancellationToken)
    {
        if (image.DeletedAt is not null)
        {
            throw new BlobMissingException(image.BlobSha256, "(deleted under the retention policy)");
        }
        return await blobs.GetAsync(image.BlobSha256, cancellationToken);
    }
}
