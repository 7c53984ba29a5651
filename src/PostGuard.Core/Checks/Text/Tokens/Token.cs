namespace PostGuard.Core.Checks.Text.Tokens;

/// <summary>
/// One word or number of a draft's text. <see cref="Text"/> is the word as read (invisible format
/// characters such as right-to-left marks removed); <see cref="Start"/> and <see cref="Length"/> are
/// offsets into the original text, so evidence quotes exactly what the uploader wrote.
/// </summary>
public sealed class Token
{
    public required int Index { get; init; }
    public required int Start { get; init; }
    public required int Length { get; init; }
    public required string Text { get; init; }
    /// <summary>The word without a possessive ending ("Amelia's" → "Amelia").</summary>
    public required string Stem { get; init; }
    /// <summary>Length in the original text of the part <see cref="Stem"/> covers.</summary>
    public required int StemLength { get; init; }
    public required int Sentence { get; init; }
    /// <summary>First word of a sentence, a line, or after an emoji or bullet: capitals there prove nothing.</summary>
    public required bool SentenceStart { get; init; }
    /// <summary>The characters between the previous token and this one.</summary>
    public required string Gap { get; init; }
    /// <summary><see cref="Text"/> with typographic apostrophes made plain, for matching phrases ("we’re" = "we're").</summary>
    public required string Word { get; init; }

    private string? _lower;

    public int End => Start + Length;
    /// <summary><see cref="Stem"/> in lower case (computed once, shared by every check).</summary>
    public string Lower => _lower ??= Stem.ToLowerInvariant();
    public bool IsPossessive => StemLength != Length;
    public bool IsNumber => char.IsAsciiDigit(Text[0]) && Text.All(char.IsAsciiDigit);
    public bool StartsWithDigit => char.IsAsciiDigit(Text[0]);
    /// <summary>"Amelia", "AMELIA" or "McDonald": an upper-case first letter.</summary>
    public bool IsCapitalised => char.IsUpper(Stem[0]);
    public bool IsAllCaps => Stem.Length > 1 && Stem.All(c => !char.IsLetter(c) || char.IsUpper(c));
    /// <summary>
    /// Only spaces between the previous token and this one, on one line: a line break ends a sentence, so a heading's last
    /// word and the next line's first word ("Sight-seeing in Beijing" / "We saw the wall") are never one name.
    /// </summary>
    public bool JoinedBySpace => Gap.Length > 0 && string.IsNullOrWhiteSpace(Gap) && !Gap.Contains('\n') && !Gap.Contains('\r');
    public bool JoinedByHyphen => Gap == "-";

    public bool Is(string word) => string.Equals(Stem, word, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => Text;
}
