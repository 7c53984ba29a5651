using System.Buffers.Binary;
using System.Text;

namespace PostGuard.Vision.Video;

/// <summary>
/// Recognises clip containers by their first bytes. Only what is recognised here is ever handed to ffmpeg, and
/// always with its demuxer forced (<see cref="DemuxerName"/>): ffmpeg's own probing would also accept playlists
/// and other formats that read further files or URLs.
/// </summary>
public static class ClipSniffer
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs at most.</summary>
    public const int HeadLength = 64;

    private static readonly string[] ImageBrands = ["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis"];

    /// <summary>True when the bytes start like a clip PostGuard accepts (used to tell clips from photos at upload).</summary>
    public static bool LooksLikeClip(ReadOnlySpan<byte> head) => TryDetect(head, out _, out _);

    /// <exception cref="ClipRejectedException">Empty, not a clip, or an unsupported container variant.</exception>
    public static ClipFormat Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            throw new ClipRejectedException(ClipRejectionReason.Empty, "bytes", "the file is empty (0 bytes).");
        }
        if (TryDetect(head, out var format, out var why))
        {
            return format;
        }
        throw new ClipRejectedException(why == "" ? ClipRejectionReason.NotAVideo : ClipRejectionReason.UnsupportedFormat, "format",
            why == "" ? "the file is not an MP4, MOV or WebM clip (judged by its first bytes, not its name)." : why);
    }

    /// <summary>The ffmpeg demuxer that reads the format.</summary>
    public static string DemuxerName(ClipFormat format) => format switch
    {
        ClipFormat.Mp4 or ClipFormat.QuickTime => "mov",
        ClipFormat.WebM => "matroska",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format names ffprobe may report for a file read with <see cref="DemuxerName"/>.</summary>
    internal static bool ProbedNameMatches(ClipFormat format, string probed) => format switch
    {
        ClipFormat.Mp4 or ClipFormat.QuickTime => probed.Split(',').Contains("mov", StringComparer.Ordinal),
        ClipFormat.WebM => probed.Split(',').Contains("webm", StringComparer.Ordinal),
        _ => false,
    };

    private static bool TryDetect(ReadOnlySpan<byte> head, out ClipFormat format, out string why)
    {
        format = default;
        why = "";
        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            var brand = Encoding.ASCII.GetString(head.Slice(8, 4));
            if (ImageBrands.Contains(brand, StringComparer.Ordinal))
            {
                why = $"the file is a HEIF/AVIF image (brand '{brand}'), not a clip.";
                return false;
            }
            format = brand == "qt  " ? ClipFormat.QuickTime : ClipFormat.Mp4;
            return true;
        }
        if (head.Length >= 8 && (head.Slice(4, 4).SequenceEqual("moov"u8) || head.Slice(4, 4).SequenceEqual("mdat"u8) || head.Slice(4, 4).SequenceEqual("wide"u8)))
        {
            format = ClipFormat.QuickTime;
            return true;
        }
        if (head.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(head) == 0x1A45DFA3)
        {
            var docType = EbmlDocType(head);
            if (docType == "webm")
            {
                format = ClipFormat.WebM;
                return true;
            }
            why = docType is null
                ? "the file starts like Matroska but its header names no document type."
                : $"Matroska files of type '{docType}' are not accepted; only WebM is.";
            return false;
        }
        return false;
    }

    /// <summary>The EBML header's DocType (element 0x4282), read from the first bytes.</summary>
    private static string? EbmlDocType(ReadOnlySpan<byte> head)
    {
        for (var i = 4; i + 3 < head.Length; i++)
        {
            if (head[i] == 0x42 && head[i + 1] == 0x82)
            {
                var size = head[i + 2];
                if ((size & 0x80) == 0)
                {
                    return null;
                }
                var length = size & 0x7F;
                if (i + 3 + length > head.Length || length > 16)
                {
                    return null;
                }
                return Encoding.ASCII.GetString(head.Slice(i + 3, length));
            }
        }
        return null;
    }
}
