namespace PostGuard.Vision.Video;

/// <summary>
/// A private temporary file (owner read/write only) for a clip while ffmpeg reads or writes it, deleted on dispose.
/// ffmpeg needs a seekable file: an MP4's index may come after its pictures.
/// </summary>
public sealed class ClipWorkFile : IDisposable
{
    private ClipWorkFile(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>An empty file in <paramref name="directory"/> (or the system's temporary directory) with the given extension.</summary>
    public static ClipWorkFile Create(string? directory, string extension = ".clip")
    {
        var root = string.IsNullOrWhiteSpace(directory) ? System.IO.Path.GetTempPath() : directory;
        Directory.CreateDirectory(root);
        var path = System.IO.Path.Combine(root, $"postguard-{Guid.NewGuid():N}{extension}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (new FileStream(path, options))
        {
        }
        return new ClipWorkFile(path);
    }

    /// <summary>A work file holding <paramref name="content"/>.</summary>
    public static ClipWorkFile Write(string? directory, ReadOnlySpan<byte> content)
    {
        var file = Create(directory);
        try
        {
            using var stream = new FileStream(file.Path, FileMode.Truncate, FileAccess.Write);
            stream.Write(content);
        }
        catch
        {
            file.Dispose();
            throw;
        }
        return file;
    }

    public void Dispose()
    {
        try
        {
            File.Delete(Path);
        }
        catch (IOException)
        {
            // Best effort: the work directory is temporary.
        }
    }
}
