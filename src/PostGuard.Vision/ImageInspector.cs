using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Onnx;
using PostGuard.Vision.Redaction;
using PostGuard.Vision.TextRecognition;

namespace PostGuard.Vision;

/// <summary>
/// The one entry point of PostGuard.Vision: decodes an image (JPEG, PNG, WebP, HEIC; sniffed by magic bytes),
/// reads its metadata (GPS, capture time), finds faces with BlazeFace (whole image + tiles), reads the words in it
/// (PaddleOCR through ONNX Runtime: a certificate's name, a badge, a sign's phone number), and redacts faces and other regions.
/// <para>
/// Create <b>once</b> (loading ONNX Runtime and the models takes tens of milliseconds) and share: every method is
/// thread-safe. Dispose at shutdown.
/// </para>
/// <para>
/// Bad input never crashes and never looks clean: <see cref="Inspect"/> throws <see cref="ImageRejectedException"/>
/// (with <see cref="ImageRejectedException.Reason"/>: Empty, TooManyBytes, TooManyPixels, NotAnImage,
/// UnsupportedFormat, Corrupt, Animated) — map it to a Hold "analysis incomplete". Any other exception
/// (a missing system library; ONNX Runtime's <see cref="Microsoft.ML.OnnxRuntime.OnnxRuntimeException"/> for a model that cannot load) is an infrastructure failure: also fail closed.
/// </para>
/// <para>
/// Wiring to Core's ImageReport: Width/Height = <see cref="ImageInspection.Width"/>/<see cref="ImageInspection.Height"/>;
/// each face → Box (round <see cref="FaceBox"/> X, Y, Width, Height), Score, and Identifiable =
/// <c>new Identifiability(displayWidth, minFacePx, minScore).IsIdentifiable(face, inspection.Width)</c> with the policy's values;
/// GpsLatitude/GpsLongitude as given; CapturedAt = <see cref="Metadata.CaptureTime.Instant"/> (or
/// <see cref="Metadata.CaptureTime.ToInstant"/> with the school's time zone when the camera recorded no offset).
/// </para>
/// </summary>
public sealed class ImageInspector : IDisposable
{
    private readonly FaceDetector _detector;
    private readonly PhotoTextReader? _textReader;
    private readonly ImageDecoder _decoder;
    private readonly int _outputQuality;

    public ImageInspector(VisionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        var assets = AssetDirectory.Locate(options.AssetsRoot);
        var sessions = new OnnxSessionFactory(new OnnxSessionSettings { IntraOpThreads = options.IntraOpThreads });
        var back = new BlazeFaceModel(sessions.Create(assets.PathOf(options.BackModel)));
        BlazeFaceModel? front = null;
        try
        {
            if (options.UseFrontModel)
            {
                front = new BlazeFaceModel(sessions.Create(assets.PathOf(options.FrontModel)));
            }
        }
        catch
        {
            back.Dispose();
            throw;
        }
        _detector = new FaceDetector(back, front, new FaceDetectorOptions
        {
            MinScore = options.MinDetectionScore,
            MinFaceWidthFraction = options.MinFaceWidthFraction,
            UseFrontModel = options.UseFrontModel,
        });
        try
        {
            _textReader = options.ReadWords ? LoadTextReader(assets, options, sessions) : null;
        }
        catch
        {
            _detector.Dispose();
            throw;
        }
        _decoder = new ImageDecoder(new DecodeLimits { MaxBytes = options.MaxBytes, MaxPixels = options.MaxPixels, MaxSide = options.MaxSide });
        _outputQuality = options.OutputJpegQuality;
    }

    private static PhotoTextReader LoadTextReader(AssetDirectory assets, VisionOptions options, OnnxSessionFactory sessions)
    {
        var alphabet = RecognitionAlphabet.Load(assets.PathOf(options.TextAlphabet));
        var detector = new TextDetectorModel(sessions.Create(assets.PathOf(options.TextDetectorModel)));
        TextOrientationModel? orientation = null;
        try
        {
            orientation = new TextOrientationModel(sessions.Create(assets.PathOf(options.TextOrientationModel)));
            var recognizer = new TextRecognizerModel(sessions.Create(assets.PathOf(options.TextRecognizerModel)), alphabet);
            return new PhotoTextReader(detector, orientation, recognizer, TextReadingOptions.Default with { MaxLines = options.MaxTextLines });
        }
        catch
        {
            detector.Dispose();
            orientation?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Where a name badge would hang below a face: from a quarter of a face height under the chin to 1.35 lower,
    /// 1.1 face widths across; the letters of a badge's name (about 10 mm on an 86 mm badge, a face being about 150 mm wide)
    /// are about 0.075 face widths tall.
    /// </summary>
    public static CloserLook BadgeArea(FaceBox face) =>
        new(new TextBox(face.CenterX - (0.55 * face.Width), face.Bottom + (0.25 * face.Height), 1.1 * face.Width, 1.1 * face.Height), 0.075 * face.Width);

    /// <summary>Default growth of each face box per side, as a fraction of its size: 0.3 also covers hair and jaw, so no head-shaped blob is left for a detector.</summary>
    public const double DefaultRedactionMargin = 0.3;

    public VisionOptions Options { get; }

    /// <summary>Decodes, reads metadata and detects faces.</summary>
    /// <exception cref="ImageRejectedException">The bytes are not an acceptable image (see the reason).</exception>
    /// <exception cref="OperationCanceledException">Cancelled between detector tiles.</exception>
    public ImageInspection Inspect(ReadOnlySpan<byte> image, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // A JPEG is decoded only as large as the finest tiles need (DCT scaling): more pixels add time, not faces.
        var decoded = _decoder.Decode(image, _detector.WorkingWidth);
        cancellationToken.ThrowIfCancellationRequested();
        var toDisplay = 1 / decoded.Scale;
        var faces = _detector.Detect(decoded.Pixels, cancellationToken)
            .Select(f => f with
            {
                Box = f.Box.Scale(toDisplay),
                Keypoints = f.Keypoints.Select(k => new FacePoint(k.X * toDisplay, k.Y * toDisplay)).ToArray(),
            })
            .ToList();
        var text = ReadWords(image, decoded, faces, cancellationToken);
        var metadata = decoded.Metadata;
        return new ImageInspection(decoded.Format, decoded.DisplayWidth, decoded.DisplayHeight, faces, metadata.GpsLatitude, metadata.GpsLongitude, metadata.CapturedAt, text);
    }

    /// <summary>
    /// The words in the photo: searched in the pixels decoded for the faces (and below each face, for badges); a finer decode of the
    /// same file is made, once, only where small words were glimpsed or a line found is too small to read in those pixels.
    /// </summary>
    private IReadOnlyList<TextLine> ReadWords(ReadOnlySpan<byte> image, DecodedImage decoded, IReadOnlyList<FaceDetection> faces, CancellationToken cancellationToken)
    {
        if (_textReader is null)
        {
            return [];
        }
        var first = new PhotoTextReader.Pixels(decoded.Pixels, decoded.Scale);
        // Only a JPEG decoded below its full size has finer pixels to give (DCT scaling); the reader asks for them only when it needs them.
        var file = decoded.Scale < 1 ? image.ToArray() : null;
        // Only the part asked for is decoded finer (cut out of the JPEG in the DCT domain): the rest of the photo is not decoded again.
        Func<int, TextBox, PhotoTextReader.Pixels>? finer = file is null ? null : (width, area) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            var x0 = (int)Math.Floor(area.X);
            var y0 = (int)Math.Floor(area.Y);
            var part = _decoder.DecodeRegion(file, new PixelRect(x0, y0, (int)Math.Ceiling(area.Right) - x0, (int)Math.Ceiling(area.Bottom) - y0), width);
            return new PhotoTextReader.Pixels(part.Pixels, part.Scale) { OriginX = part.Area.X, OriginY = part.Area.Y };
        };
        return _textReader.Read(first, [.. faces.Select(f => BadgeArea(f.Box))], finer, cancellationToken);
    }

    /// <summary>
    /// The image width at which the detector's finest tiles sample 1:1 (about 760 px by default): decoding a picture
    /// wider than this adds time, not faces. Clip frames are analysed at this width.
    /// </summary>
    public int DetectionWorkingWidth => _detector.WorkingWidth;

    /// <summary>Detects faces in already decoded pixels (a clip's frame); boxes and keypoints are in pixels of <paramref name="image"/>.</summary>
    /// <exception cref="OperationCanceledException">Cancelled between detector tiles.</exception>
    public IReadOnlyList<FaceDetection> DetectFaces(RgbImage image, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        return _detector.Detect(image, cancellationToken);
    }

    /// <summary>
    /// Returns the image as an upright JPEG (orientation applied) with exactly the given faces irreversibly hidden
    /// (see <see cref="FaceRedactor"/>; every other pixel is left as decoded, then re-encoded), each box grown by <paramref name="margin"/> ×
    /// its size per side, and <b>no metadata at all</b> (no EXIF, GPS, XMP or ICC). Boxes are in displayed
    /// full-resolution pixels, as <see cref="Inspect"/> reports them. With no faces it still strips metadata: use it
    /// for every published image.
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes are not an acceptable image.</exception>
    public byte[] Redact(ReadOnlySpan<byte> image, IEnumerable<FaceBox> faces, double margin = DefaultRedactionMargin) =>
        Redact(image, faces, [], margin);

    /// <summary>
    /// As <see cref="Redact(ReadOnlySpan{byte}, IEnumerable{FaceBox}, double)"/>, and also hides
    /// <paramref name="regions"/> (text boxes, anything else) exactly as given, without a margin.
    /// </summary>
    /// <exception cref="ImageRejectedException">The bytes are not an acceptable image.</exception>
    /// <exception cref="ArgumentException">A face or region is not a finite rectangle (nothing is returned).</exception>
    public byte[] Redact(ReadOnlySpan<byte> image, IEnumerable<FaceBox> faces, IEnumerable<FaceBox> regions, double margin = DefaultRedactionMargin)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(regions);
        var decoded = _decoder.Decode(image);
        var pixels = decoded.Pixels;
        RegionRedactor.Redact(pixels, FaceRedactor.Grow(faces, margin, pixels.Width, pixels.Height).Concat(regions));
        return JpegCodec.Encode(pixels, _outputQuality);
    }

    public void Dispose()
    {
        _detector.Dispose();
        _textReader?.Dispose();
    }
}
