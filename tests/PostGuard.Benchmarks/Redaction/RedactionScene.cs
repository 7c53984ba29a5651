namespace PostGuard.Benchmarks.Redaction;

/// <summary>What the redaction benchmarks redact: one face filling most of the frame, or many small faces.</summary>
public enum RedactionScene
{
    /// <summary>A face of sample1 cropped and enlarged: one face about 60 % of the frame's height.</summary>
    CloseUp,

    /// <summary>The six labelled photos tiled (2×2 at 1 MP, 3×3 at 4 MP, 4×4 at 16 MP): 13, 31 and 57 faces of 48–155 px.</summary>
    Group,
}
