namespace PostGuard.Core.Checks.Text;

/// <summary>
/// The text checks (names, places, trip timing, personal data, language, links, confidential), as registered by
/// <see cref="TextChecksRegistration.AddTextChecks"/>: what runs over the words read in a photo as well as over the post's text.
/// </summary>
public sealed class TextCheckSet(IReadOnlyList<IDraftCheck> checks)
{
    public IReadOnlyList<IDraftCheck> Checks { get; } = checks;
}
