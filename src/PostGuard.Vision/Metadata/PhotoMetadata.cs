using System.Globalization;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace PostGuard.Vision.Metadata;

/// <summary>When a photo was taken, as the camera recorded it: local clock time and, when the camera wrote it, its UTC offset.</summary>
public sealed record CaptureTime(DateTime Local, TimeSpan? Offset)
{
    /// <summary>The instant, using the recorded offset, or the given time zone's offset at that local time when none was recorded.</summary>
    public DateTimeOffset ToInstant(TimeZoneInfo assumedZone)
    {
        ArgumentNullException.ThrowIfNull(assumedZone);
        return new DateTimeOffset(Local, Offset ?? assumedZone.GetUtcOffset(Local));
    }

    /// <summary>The instant when the camera recorded its offset; otherwise null.</summary>
    public DateTimeOffset? Instant => Offset is { } offset ? new DateTimeOffset(Local, offset) : null;
}

/// <summary>EXIF facts PostGuard uses: orientation (to show pixels as displayed), GPS position, capture time.</summary>
public sealed record PhotoMetadata
{
    public static PhotoMetadata None { get; } = new();

    /// <summary>EXIF orientation 1–8 (1 = as stored).</summary>
    public int Orientation { get; init; } = 1;

    public double? GpsLatitude { get; init; }

    public double? GpsLongitude { get; init; }

    public CaptureTime? CapturedAt { get; init; }

    public bool HasGps => GpsLatitude is not null && GpsLongitude is not null;
}

/// <summary>
/// Reads <see cref="PhotoMetadata"/> with MetadataExtractor. Damaged metadata never fails the image: it reads as absent
/// (whatever MetadataExtractor throws on hostile bytes), and published copies are re-encoded without metadata anyway.
/// </summary>
public static class PhotoMetadataReader
{
    private const int TagOffsetTimeOriginal = 0x9011;
    private const int TagOffsetTime = 0x9010;

    public static unsafe PhotoMetadata Read(ReadOnlySpan<byte> image)
    {
        IReadOnlyList<MetadataExtractor.Directory> directories;
        try
        {
            fixed (byte* data = image)
            {
                using var stream = new UnmanagedMemoryStream(data, image.Length);
                directories = ImageMetadataReader.ReadMetadata(stream);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return PhotoMetadata.None;
        }
        return FromDirectories(directories);
    }

    internal static PhotoMetadata FromDirectories(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        var orientation = 1;
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        if (ifd0 is not null && ifd0.TryGetInt32(ExifDirectoryBase.TagOrientation, out var o) && o is >= 1 and <= 8)
        {
            orientation = o;
        }
        double? latitude = null, longitude = null;
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        var location = gps?.GetGeoLocation();
        if (location is not null && !location.IsZero && double.IsFinite(location.Latitude) && double.IsFinite(location.Longitude)
            && Math.Abs(location.Latitude) <= 90 && Math.Abs(location.Longitude) <= 180)
        {
            latitude = location.Latitude;
            longitude = location.Longitude;
        }
        return new PhotoMetadata
        {
            Orientation = orientation,
            GpsLatitude = latitude,
            GpsLongitude = longitude,
            CapturedAt = ReadCaptureTime(directories),
        };
    }

    private static CaptureTime? ReadCaptureTime(IReadOnlyList<MetadataExtractor.Directory> directories)
    {
        foreach (var sub in directories.OfType<ExifSubIfdDirectory>())
        {
            if (sub.TryGetDateTime(ExifDirectoryBase.TagDateTimeOriginal, out var local))
            {
                return new CaptureTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ParseOffset(sub.GetString(TagOffsetTimeOriginal) ?? sub.GetString(TagOffsetTime)));
            }
        }
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        if (ifd0 is not null && ifd0.TryGetDateTime(ExifDirectoryBase.TagDateTime, out var modified))
        {
            return new CaptureTime(DateTime.SpecifyKind(modified, DateTimeKind.Unspecified), ParseOffset(ifd0.GetString(TagOffsetTime)));
        }
        return null;
    }

    /// <summary>EXIF offsets look like "+01:00" or "-05:00".</summary>
    private static TimeSpan? ParseOffset(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        text = text.Trim().TrimEnd('\0');
        if (text.Length == 6 && (text[0] == '+' || text[0] == '-')
            && TimeSpan.TryParseExact(text[1..], @"hh\:mm", CultureInfo.InvariantCulture, out var span) && span <= TimeSpan.FromHours(14))
        {
            return text[0] == '-' ? -span : span;
        }
        return null;
    }
}
