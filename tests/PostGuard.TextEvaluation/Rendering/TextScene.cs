namespace PostGuard.TextEvaluation.Rendering;

/// <summary>What was drawn in a scene: a certificate held up, badges, a shirt, a display board, a sign, a poster.</summary>
public enum SceneKind
{
    Certificate,
    Badges,
    Shirt,
    DisplayBoard,
    CoachSign,
    Poster,
}

/// <summary>
/// One rendered test photo: a public photo with a card, badges or a sign drawn into it at a realistic size, angle and light,
/// encoded as a JPEG as a phone would; every drawn word labelled. <see cref="HeldOut"/> scenes use fonts and backgrounds
/// that no setting was tuned on. A scene without a <see cref="Kind"/> has no words drawn in it.
/// </summary>
public sealed record TextScene(string Name, SceneKind? Kind, byte[] Jpeg, int Width, int Height, IReadOnlyList<LabelledWord> Words, string Background, bool HeldOut)
{
    public IEnumerable<LabelledWord> NameWords => Words.Where(w => w.Role == WordRole.Name);
}
