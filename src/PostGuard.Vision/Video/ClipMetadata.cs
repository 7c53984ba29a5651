using System.Globalization;
using PostGuard.Vision.Metadata;

namespace PostGuard.Vision.Video;

/// <summary>
/// What a clip's container says about where and when it was filmed, read from the tags ffprobe reports for the file
/// and its video stream. <see cref="GpsSource"/> and <see cref="CapturedAtSource"/> name the tag, as evidence.
/// </summary>
public sealed record ClipMetadata
{
    public static ClipMetadata None { get; } = new();

    public double? GpsLatitude { get; init; }

    public double? GpsLongitude { get; init; }

    /// <summary>The tag the position came from, e.g. <c>com.apple.quicktime.location.ISO6709</c> or <c>location</c> (QuickTime/MP4 <c>©xyz</c>).</summary>
    public string? GpsSource { get; init; }

    /// <summary>When filming started: the local clock time and its offset (<c>com.apple.quicktime.creationdate</c>), or UTC (<c>creation_time</c>).</summary>
    public CaptureTime? CapturedAt { get; init; }

    public string? CapturedAtSource { get; init; }

    public bool HasGps => GpsLatitude is not null && GpsLongitude is not null;

    /// <summary>Position tags, most precise first. ffmpeg reports <c>©xyz</c> and 3GPP <c>loci</c> as <c>location</c>.</summary>
    internal static readonly string[] PositionTags = ["com.apple.quicktime.location.ISO6709", "location", "location-eng"];

    /// <summary>Creation-time tags, local time with an offset first.</summary>
    internal static readonly string[] TimeTags = ["com.apple.quicktime.creationdate", "date", "creation_time"];

    private static readonly DateTime Earliest = new(1990, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Latest = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Unspecified);

    /// <summary>Reads position and time from the container's tags, then the video stream's. Unreadable values read as absent.</summary>
    internal static ClipMetadata From(IReadOnlyDictionary<string, string> formatTags, IReadOnlyDictionary<string, string> videoTags)
    {
        double? latitude = null, longitude = null;
        string? gpsSource = null;
        foreach (var (tags, name) in Candidates(PositionTags, formatTags, videoTags))
        {
            if (Iso6709.Parse(tags[name]) is { } p && (p.Latitude != 0 || p.Longitude != 0))
            {
                (latitude, longitude, gpsSource) = (p.Latitude, p.Longitude, name);
                break;
            }
        }
        CaptureTime? capturedAt = null;
        string? timeSource = null;
        foreach (var (tags, name) in Candidates(TimeTags, formatTags, videoTags))
        {
            if (ParseTime(tags[name]) is { } t)
            {
                (capturedAt, timeSource) = (t, name);
                break;
            }
        }
        return new ClipMetadata { GpsLatitude = latitude, GpsLongitude = longitude, GpsSource = gpsSource, CapturedAt = capturedAt, CapturedAtSource = timeSource };
    }

    private static IEnumerable<(IReadOnlyDictionary<string, string> Tags, string Name)> Candidates(string[] names, params IReadOnlyDictionary<string, string>[] sources)
    {
        foreach (var name in names)
        {
            foreach (var tags in sources)
            {
                if (tags.ContainsKey(name))
                {
                    yield return (tags, name);
                }
            }
        }
    }

    /// <summary>ISO 8601 with an offset ("2026-06-12T11:15:00+0100", "…Z"): local clock time and offset.</summary>
    internal static CaptureTime? ParseTime(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }
        var normalised = text.Trim();
        // ffmpeg and Apple write offsets without a colon (+0100); .NET wants +01:00.
        if (normalised.Length > 5 && (normalised[^5] is '+' or '-') && normalised[^4..].All(char.IsAsciiDigit))
        {
            normalised = normalised[..^2] + ":" + normalised[^2..];
        }
        if (HasOffset(normalised))
        {
            if (!DateTimeOffset.TryParse(normalised, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                return null;
            }
            var local = DateTime.SpecifyKind(parsed.DateTime, DateTimeKind.Unspecified);
            return local < Earliest || local >= Latest ? null : new CaptureTime(local, parsed.Offset);
        }
        // A camera's local clock time without an offset: the school's time zone is assumed later, as for EXIF.
        if (DateTime.TryParseExact(normalised, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            clock = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
            return clock < Earliest || clock >= Latest ? null : new CaptureTime(clock, null);
        }
        return null;
    }

    private static readonly string[] LocalFormats = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFF", "yyyy-MM-dd'T'HH:mm"];

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || (text.Length > 6 && (text[^6] is '+' or '-') && text[^3] == ':');
}
