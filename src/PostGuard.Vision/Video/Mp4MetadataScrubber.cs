using System.Buffers.Binary;
using System.Text;

namespace PostGuard.Vision.Video;

/// <summary>
/// The last step of writing an MP4 that may be published: ffmpeg's MP4 muxer, even told to copy no metadata, still
/// writes an empty <c>udta/meta/ilst</c>. This turns every metadata box (<c>udta</c>, <c>meta</c>, <c>uuid</c> such as
/// XMP) at the top level or anywhere in <c>moov</c> into a zero-filled <c>free</c> box of the same size (so no sample
/// offset moves), zeroes the creation and modification times of <c>mvhd</c>, <c>tkhd</c> and <c>mdhd</c>, and blanks the
/// compressor name of each visual sample entry (where ffmpeg writes the encoder's name).
/// <see cref="FindMetadata"/> lists what is left, for the writer's final check and for tests.
/// </summary>
internal static class Mp4MetadataScrubber
{
    private const long MaxMovieBoxBytes = 64L * 1024 * 1024;

    private static readonly string[] MetadataBoxes = ["udta", "meta", "uuid", "XMP_", "ID32"];
    private static readonly string[] Containers = ["moov", "trak", "mdia", "minf", "edts", "dinf", "stbl"];
    private static readonly string[] TimedHeaders = ["mvhd", "tkhd", "mdhd"];

    /// <summary>Visual sample entries, whose 32-byte compressor name ffmpeg fills with the encoder's name.</summary>
    private static readonly string[] VisualEntries = ["avc1", "avc3", "hvc1", "hev1", "mp4v", "av01", "vp08", "vp09", "dvh1", "dvhe"];

    /// <summary>Offset of the compressor name in a visual sample entry (ISO/IEC 14496-12 VisualSampleEntry), and its length.</summary>
    private const int CompressorNameOffset = 50;
    private const int CompressorNameLength = 32;

    public static void Scrub(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        foreach (var (offset, size, header, type) in TopLevel(file))
        {
            if (MetadataBoxes.Contains(type))
            {
                Free(file, offset, size, header);
            }
            else if (type == "moov")
            {
                if (size > MaxMovieBoxBytes)
                {
                    throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the written clip's index is {size} bytes; at most {MaxMovieBoxBytes} are expected.");
                }
                var movie = new byte[size];
                file.Position = offset;
                file.ReadExactly(movie);
                ScrubChildren(movie, header, movie.Length);
                file.Position = offset;
                file.Write(movie);
            }
        }
    }

    /// <summary>Every metadata box still in the file ("moov/udta", ...) and every non-zero creation time ("moov/mvhd time").</summary>
    public static IReadOnlyList<string> FindMetadata(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var found = new List<string>();
        foreach (var (offset, size, header, type) in TopLevel(file))
        {
            if (MetadataBoxes.Contains(type))
            {
                found.Add(type);
            }
            else if (type == "moov" && size <= MaxMovieBoxBytes)
            {
                var movie = new byte[size];
                file.Position = offset;
                file.ReadExactly(movie);
                FindIn(movie, header, movie.Length, "moov", found);
            }
        }
        return found;
    }

    private static IEnumerable<(long Offset, long Size, int Header, string Type)> TopLevel(FileStream file)
    {
        var head = new byte[16];
        long offset = 0;
        var length = file.Length;
        while (offset + 8 <= length)
        {
            file.Position = offset;
            file.ReadExactly(head, 0, (int)Math.Min(16, length - offset));
            var (size, header) = Size(head, length - offset);
            if (size < header)
            {
                throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", $"the written clip has a damaged box at byte {offset}.");
            }
            yield return (offset, size, header, Encoding.ASCII.GetString(head, 4, 4));
            offset += size;
        }
    }

    private static void ScrubChildren(byte[] data, int start, int end)
    {
        for (var offset = start; offset + 8 <= end;)
        {
            var (size, header) = Size(data.AsSpan(offset), end - offset);
            if (size < header || offset + size > end)
            {
                throw new ClipRejectedException(ClipRejectionReason.Corrupt, "file", "the written clip's index is damaged.");
            }
            var type = Encoding.ASCII.GetString(data, offset + 4, 4);
            if (MetadataBoxes.Contains(type))
            {
                "free"u8.CopyTo(data.AsSpan(offset + 4));
                data.AsSpan(offset + header, (int)size - header).Clear();
            }
            else if (TimedHeaders.Contains(type) && size >= header + 20)
            {
                var version = data[offset + header];
                data.AsSpan(offset + header + 4, version == 1 ? 16 : 8).Clear();
            }
            else if (type == "stsd")
            {
                foreach (var entry in VisualSampleEntries(data, offset + header, offset + (int)size))
                {
                    data.AsSpan(entry + CompressorNameOffset, CompressorNameLength).Clear();
                }
            }
            else if (Containers.Contains(type))
            {
                ScrubChildren(data, offset + header, offset + (int)size);
            }
            offset += (int)size;
        }
    }

    /// <summary>The offsets of the visual sample entries inside an stsd box's payload (version, flags, count, entries).</summary>
    private static List<int> VisualSampleEntries(byte[] data, int start, int end)
    {
        var entries = new List<int>();
        for (var offset = start + 8; offset + 8 <= end;)
        {
            var size = (long)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(offset));
            if (size < 8 || offset + size > end)
            {
                break;
            }
            if (VisualEntries.Contains(Encoding.ASCII.GetString(data, offset + 4, 4)) && size >= CompressorNameOffset + CompressorNameLength)
            {
                entries.Add(offset);
            }
            offset += (int)size;
        }
        return entries;
    }

    private static void FindIn(byte[] data, int start, int end, string parent, List<string> found)
    {
        for (var offset = start; offset + 8 <= end;)
        {
            var (size, header) = Size(data.AsSpan(offset), end - offset);
            if (size < header || offset + size > end)
            {
                found.Add($"{parent}/damaged");
                return;
            }
            var type = Encoding.ASCII.GetString(data, offset + 4, 4);
            if (MetadataBoxes.Contains(type))
            {
                found.Add($"{parent}/{type}");
            }
            else if (TimedHeaders.Contains(type) && size >= header + 20)
            {
                var version = data[offset + header];
                if (data.AsSpan(offset + header + 4, version == 1 ? 16 : 8).ContainsAnyExcept((byte)0))
                {
                    found.Add($"{parent}/{type} time");
                }
            }
            else if (type == "stsd")
            {
                foreach (var entry in VisualSampleEntries(data, offset + header, offset + (int)size))
                {
                    if (data.AsSpan(entry + CompressorNameOffset, CompressorNameLength).ContainsAnyExcept((byte)0))
                    {
                        found.Add($"{parent}/stsd/{Encoding.ASCII.GetString(data, entry + 4, 4)} compressor name");
                    }
                }
            }
            else if (Containers.Contains(type))
            {
                FindIn(data, offset + header, offset + (int)size, $"{parent}/{type}", found);
            }
            offset += (int)size;
        }
    }

    /// <summary>A box's size and header length: 32-bit size, 64-bit when it is 1, to the end when it is 0.</summary>
    private static (long Size, int Header) Size(ReadOnlySpan<byte> head, long remaining)
    {
        long size = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (size == 1)
        {
            return head.Length < 16 ? (0, 16) : ((long)BinaryPrimitives.ReadUInt64BigEndian(head[8..]), 16);
        }
        return size == 0 ? (remaining, 8) : (size, 8);
    }

    private static void Free(FileStream file, long offset, long size, int header)
    {
        file.Position = offset + 4;
        file.Write("free"u8);
        file.Position = offset + header;
        var zeros = new byte[64 * 1024];
        for (var left = size - header; left > 0; left -= zeros.Length)
        {
            file.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
        }
    }
}
