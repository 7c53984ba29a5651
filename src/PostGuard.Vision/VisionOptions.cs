using System.ComponentModel.DataAnnotations;

namespace PostGuard.Vision;

/// <summary>Options for <see cref="ImageInspector"/>, bound from the "Vision" configuration section.</summary>
public sealed class VisionOptions
{
    public const string SectionName = "Vision";

    /// <summary>Largest accepted image file in bytes (default 40 MB); larger files are refused unread.</summary>
    [Range(1, long.MaxValue)]
    public long MaxBytes { get; set; } = 40L * 1024 * 1024;

    /// <summary>Largest accepted width × height declared by the header (default 100 MP); refused before decoding.</summary>
    [Range(1, long.MaxValue)]
    public long MaxPixels { get; set; } = 100_000_000;

    /// <summary>Longest accepted side (default 20000 px).</summary>
    [Range(1, 65535)]
    public int MaxSide { get; set; } = 20_000;

    /// <summary>ONNX Runtime intra-op threads per model session (default 1: fastest and steadiest on a shared machine).</summary>
    [Range(1, 64)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>Detections below this score are not reported (default 0.5). The policy's identifiability score is applied on top.</summary>
    [Range(0.01, 0.99)]
    public double MinDetectionScore { get; set; } = 0.5;

    /// <summary>The smallest face width to look for, as a fraction of the image width (default 0.0185 ≈ 20 px at 1080 px).</summary>
    [Range(0.005, 0.5)]
    public double MinFaceWidthFraction { get; set; } = 0.0185;

    /// <summary>Also run BlazeFace's 128 front model on the whole image for large close-up faces (default true).</summary>
    public bool UseFrontModel { get; set; } = true;

    /// <summary>The models directory (holding assets.tsv); null: found by <see cref="Assets.AssetDirectory.Locate"/>.</summary>
    public string? AssetsRoot { get; set; }

    [Required]
    public string BackModel { get; set; } = "blazeface/face_detection_back_256x256.onnx";

    [Required]
    public string FrontModel { get; set; } = "blazeface/face_detection_front_128x128.onnx";

    /// <summary>Read the words in each photo (PaddleOCR PP-OCRv4) so the text checks see them (default true).</summary>
    public bool ReadWords { get; set; } = true;

    /// <summary>
    /// The text detector, under the models directory: <see cref="FusedTextDetector"/> (default), PaddleOCR's fp32 PP-OCRv4
    /// detector with each HardSwish fused into one operator by <c>models/derive/quantize-text-detector.py fuse</c> and checked
    /// in (the same function, a sixth to a quarter cheaper), or <see cref="OriginalTextDetector"/>, the detector as fetched.
    /// </summary>
    [Required]
    public string TextDetectorModel { get; set; } = FusedTextDetector;

    /// <summary>The fp32 text detector with its HardSwish fused (checked in under <c>models/derived</c>; the default).</summary>
    public const string FusedTextDetector = "derived/ch_PP-OCRv4_det_hardswish.onnx";

    /// <summary>PaddleOCR's fp32 text detector, as fetched.</summary>
    public const string OriginalTextDetector = "paddleocr/ch_PP-OCRv4_det_infer.onnx";

    [Required]
    public string TextRecognizerModel { get; set; } = "paddleocr/ch_PP-OCRv4_rec_infer.onnx";

    [Required]
    public string TextOrientationModel { get; set; } = "paddleocr/ch_ppocr_mobile_v2.0_cls_infer.onnx";

    [Required]
    public string TextAlphabet { get; set; } = "paddleocr/ppocr_keys_v1.txt";

    /// <summary>Most lines of words read per photo (default 60): the work per photo is bounded.</summary>
    [Range(1, 500)]
    public int MaxTextLines { get; set; } = 60;

    /// <summary>JPEG quality of redacted / cleaned output (default 90).</summary>
    [Range(50, 100)]
    public int OutputJpegQuality { get; set; } = 90;
}
