namespace PostGuard.Vision.TextRecognition;

/// <summary>How hard <see cref="PhotoTextReader"/> looks for words, and the bounds on its work per photo.</summary>
public sealed record TextReadingOptions
{
    public static TextReadingOptions Default { get; } = new();

    /// <summary>
    /// The whole photo is searched for text shrunk to this many pixels on its longer side (a multiple of 32). 384 costs about
    /// 25 ms of CPU on a 12-MP photo instead of 42, but with a second look only 2× finer it read 94 of 129 held-out names against
    /// 117 (whole display boards not found), and with the second look kept at 1024 px (<see cref="SecondLookLongSide"/>) 109 of
    /// 115 tuning names against 111 (two more display-board names misread) and 7 of 8 e-mails: kept at 512.
    /// </summary>
    public int DetectionLongSide { get; init; } = 512;

    /// <summary>
    /// Where the first search saw anything text-like, it looks again at the scale of the photo shrunk to this many pixels on its
    /// longer side (up to the pixels it has), so small print beside a title (a phone number under a sign's name, names on a
    /// display board) is found too. A fixed scale rather than a multiple of the first search's, since small print is as small
    /// whatever the first search's size: 1024 is 2× the 512-px search (2 rather than 2.5: the second look over a held-up
    /// certificate costs about two thirds, and on the tuning scenes as many names were read, 111 of 115 against 110).
    /// </summary>
    public int SecondLookLongSide { get; init; } = 1024;

    /// <summary>Text lines are searched for at this height in detector pixels in the closer looks (badges below faces).</summary>
    public double CloserLookTextPixels { get; init; } = 13;

    /// <summary>Closer looks searched per photo (the largest first).</summary>
    public int MaxCloserLooks { get; init; } = 8;

    /// <summary>Detector input pixels spent per photo beyond the first search (second looks, then closer looks): the work is bounded.</summary>
    public int MaxExtraDetectionPixels { get; init; } = 1_200_000;

    /// <summary>Detector map value above which a pixel is text.</summary>
    public double PixelThreshold { get; init; } = 0.3;

    /// <summary>Mean detector value a line's rectangle must reach.</summary>
    public double BoxThreshold { get; init; } = 0.6;

    /// <summary>How far detected (shrunk) regions are grown back into lines.</summary>
    public double UnclipRatio { get; init; } = 1.5;

    /// <summary>Most lines read per photo (the detector's most certain first): the work per photo is bounded.</summary>
    public int MaxLines { get; init; } = 60;

    /// <summary>Lines read with a lower mean character probability are dropped.</summary>
    public double MinConfidence { get; init; } = 0.5;

    /// <summary>Lines are read from pixels where they are at least this tall (a finer decode is asked for when the first one is too coarse).</summary>
    public int RecognitionLineHeight { get; init; } = 32;

    /// <summary>Widest recogniser input (pixels at 48 high); longer lines are squeezed.</summary>
    public int MaxRecognitionWidth { get; init; } = 960;

    /// <summary>
    /// Lines per recogniser run. One: on one core a batch costs more per line than lines run alone (six certificate lines
    /// 136–533 px wide took 263–309 ms of CPU batched, 140 ms one by one), as the batch is padded to its widest line and its
    /// activations no longer fit the caches.
    /// </summary>
    public int RecognitionBatch { get; init; } = 1;

    /// <summary>A line is turned round when the orientation model is at least this sure it is upside down.</summary>
    public double UpsideDownThreshold { get; init; } = 0.9;
}
