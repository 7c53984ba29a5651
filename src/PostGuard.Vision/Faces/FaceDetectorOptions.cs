namespace PostGuard.Vision.Faces;

/// <summary>How hard the detector looks. Defaults find faces down to about 20 px at a 1080-px display width.</summary>
public sealed record FaceDetectorOptions
{
    public static FaceDetectorOptions Default { get; } = new();

    /// <summary>Detections below this score are dropped (default 0.5). Identifiability applies the policy's own, higher threshold.</summary>
    public double MinScore { get; init; } = 0.5;

    /// <summary>The smallest face width to find, as a fraction of the image width (default 0.0185 ≈ 20 px of 1080).</summary>
    public double MinFaceWidthFraction { get; init; } = 0.0185;

    /// <summary>Faces narrower than this many image pixels are not looked for (default 8: never identifiable at any display size).</summary>
    public double MinFacePixels { get; init; } = 8;

    /// <summary>Most tiles per image (default 40); an image needing more (a long thin strip) gets larger tiles, so the work per image is bounded.</summary>
    public int MaxTiles { get; init; } = 40;

    /// <summary>Face width, in 256-model input pixels, that the finest tiles are planned for (the back model finds faces from about this size).</summary>
    public double SmallestFaceInModelPixels { get; init; } = 14;

    /// <summary>Overlap between neighbouring tiles, as a fraction of the tile side: faces up to this size are whole in some tile.</summary>
    public double TileOverlap { get; init; } = 0.3;

    /// <summary>Each coarser tile level is this many times larger than the previous one.</summary>
    public double LevelRatio { get; init; } = 2.5;

    /// <summary>Also run the 128 front model on the whole image (large, close-up faces).</summary>
    public bool UseFrontModel { get; init; } = true;

    /// <summary>
    /// Candidates scoring below this get a second look: re-centred crops (3× the face) through the 256 model
    /// (four crops per run) and the 128 model; the reported score is the mean of the three. Clutter rarely
    /// survives a second look; real small faces usually score higher on it. 0 disables it.
    /// </summary>
    public double SecondLookBelowScore { get; init; } = 0.8;

    /// <summary>The second look's crop side, in face widths.</summary>
    public double SecondLookContext { get; init; } = 3;

    /// <summary>IoU at which detections are merged (MediaPipe uses 0.3).</summary>
    public double MergeIou { get; init; } = 0.3;
}
