using System.Threading.Channels;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Video;

/// <summary>
/// The entry point for clips (MP4, MOV, WebM): validates the header (<see cref="ClipProbe"/>), has ffmpeg decode the
/// frames to analyse at the face detector's working width (<see cref="FrameSampler"/>), runs the photo face detector on
/// them (<see cref="ImageInspector.DetectFaces"/>, on <see cref="VideoOptions.DetectionThreads"/> threads) and links the
/// faces into tracks, each with its best frame as evidence. Thread-safe; share one, beside the one
/// <see cref="ImageInspector"/>.
/// <para>
/// Bad input never crashes and never looks clean: a clip that is refused, damaged, truncated or too slow throws
/// <see cref="ClipRejectedException"/> (map it to a Hold "analysis incomplete"); ffmpeg runs in its own process, so a
/// decoder crash only ends that process. A missing ffmpeg is a <see cref="VideoToolUnavailableException"/>: fail closed too.
/// </para>
/// </summary>
public sealed class ClipInspector
{
    private const int ThumbnailQuality = 80;

    private readonly ImageInspector _faces;
    private readonly ClipProbe _probe;
    private readonly FrameSampler _sampler;

    public ClipInspector(ImageInspector faces, VideoOptions options)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(options);
        _faces = faces;
        Options = options;
        _probe = new ClipProbe(options);
        _sampler = new FrameSampler(options);
    }

    public VideoOptions Options { get; }

    /// <summary>Validates the header only (no decoding): use it to refuse a bad upload before storing it.</summary>
    /// <exception cref="ClipRejectedException">Not an acceptable clip (the field is named).</exception>
    public async Task<ClipHeader> ReadHeaderAsync(ReadOnlyMemory<byte> clip, CancellationToken cancellationToken = default)
    {
        _probe.CheckBytes(clip.Length);
        using var file = ClipWorkFile.Write(Options.WorkDirectory, clip.Span);
        return await _probe.ReadAsync(file.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc cref="InspectAsync(string, CancellationToken)"/>
    public async Task<ClipInspection> InspectAsync(ReadOnlyMemory<byte> clip, CancellationToken cancellationToken = default)
    {
        _probe.CheckBytes(clip.Length);
        using var file = ClipWorkFile.Write(Options.WorkDirectory, clip.Span);
        return await InspectAsync(file.Path, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Validates, decodes and analyses the clip file at <paramref name="path"/>.</summary>
    /// <exception cref="ClipRejectedException">Refused, damaged, truncated or too slow (see the reason and field).</exception>
    /// <exception cref="OperationCanceledException">Cancelled; ffmpeg was stopped.</exception>
    public async Task<ClipInspection> InspectAsync(string path, CancellationToken cancellationToken = default)
    {
        var header = await _probe.ReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (Options.FastSampling)
        {
            try
            {
                return await AnalyseAsync(path, header, skipNonReferenceFrames: true, cancellationToken).ConfigureAwait(false);
            }
            catch (SampledTooSparselyException)
            {
                // Skipping left a gap longer than the interval: every frame is decoded instead, so none is missed.
            }
        }
        return await AnalyseAsync(path, header, skipNonReferenceFrames: false, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ClipInspection> AnalyseAsync(string path, ClipHeader header, bool skipNonReferenceFrames, CancellationToken cancellationToken)
    {
        var (width, height) = FrameSampler.WorkingSize(header, _faces.DetectionWorkingWidth);
        var toClip = (double)header.Width / width;
        var thumbnail = ThumbnailSize(width, height);
        var tracker = new FaceTracker(Options.TrackMaxGapSeconds);
        var times = new List<double>();
        var pending = new Dictionary<int, (SampledFrame Frame, IReadOnlyList<FaceDetection> Faces)>();
        var next = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var frames = Channel.CreateBounded<SampledFrame>(new BoundedChannelOptions(Options.DetectionThreads * 2) { SingleWriter = true });
        var detectors = Enumerable.Range(0, Options.DetectionThreads).Select(_ => Task.Run(async () =>
        {
            await foreach (var frame in frames.Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
            {
                IReadOnlyList<FaceDetection> found;
                try
                {
                    found = [.. _faces.DetectFaces(frame.Image, stop.Token).Select(f => f with { Box = f.Box.Scale(toClip), Keypoints = [] })];
                }
                catch
                {
                    frame.Dispose();
                    // Stop decoding at once: nothing waits for a detector that has failed.
                    await stop.CancelAsync().ConfigureAwait(false);
                    throw;
                }
                lock (pending)
                {
                    pending[frame.Index] = (frame, found);
                    // Tracks are built in time order, whichever thread finished first.
                    while (pending.Remove(next, out var ready))
                    {
                        using (ready.Frame)
                        {
                            times.Add(ready.Frame.Seconds);
                            var improved = tracker.Add(ready.Frame.Seconds, ready.Frame.IsCut, ready.Faces);
                            if (improved.Count > 0)
                            {
                                var best = Thumbnail(ready.Frame.Image, thumbnail);
                                foreach (var track in improved)
                                {
                                    track.Best = new TrackBestFrame(track.BestSeconds, track.BestFace.Box, track.BestFace.Score, best, thumbnail.Width, thumbnail.Height);
                                }
                            }
                        }
                        next++;
                    }
                }
            }
        }, stop.Token)).ToList();
        SamplingSummary summary;
        try
        {
            summary = await _sampler.SampleAsync(path, header, width, height, skipNonReferenceFrames, async (frame, token) =>
            {
                try
                {
                    await frames.Writer.WriteAsync(frame, token).ConfigureAwait(false);
                }
                catch
                {
                    frame.Dispose();
                    throw;
                }
            }, stop.Token).ConfigureAwait(false);
            frames.Writer.Complete();
            await Task.WhenAll(detectors).ConfigureAwait(false);
        }
        catch
        {
            frames.Writer.TryComplete();
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(detectors.Select(d => d.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            lock (pending)
            {
                foreach (var (frame, _) in pending.Values)
                {
                    frame.Dispose();
                }
            }
            // A detector's failure is the real cause when the sampler merely saw the cancellation.
            var failed = detectors.FirstOrDefault(d => d.IsFaulted);
            if (failed is not null && !cancellationToken.IsCancellationRequested)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failed.Exception!.InnerException!).Throw();
            }
            throw;
        }
        var tracks = tracker.Finish(header.VideoDurationSeconds).Select(t => t.Build()).ToList();
        return new ClipInspection(header, tracks, summary.Frames, width, summary.Cuts, times);
    }

    private (int Width, int Height) ThumbnailSize(int width, int height)
    {
        var w = Math.Min(width, Options.ThumbnailWidth);
        return (w, Math.Max(1, (int)Math.Round((double)height * w / width)));
    }

    private static byte[] Thumbnail(RgbImage frame, (int Width, int Height) size) =>
        JpegCodec.Encode(frame.Width == size.Width ? frame : ImageResizer.Resize(frame, size.Width, size.Height), ThumbnailQuality);
}
