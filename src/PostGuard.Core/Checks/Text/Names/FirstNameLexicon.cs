using PostGuard.Vision.Assets;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// First names of children the register may not know: the public female and male first-name lists
/// fetched through models/assets.tsv. Loaded once (a singleton).
/// </summary>
public sealed class FirstNameLexicon
{
    public const string FemaleAsset = "lexicons/female-first-names-en.txt";
    public const string MaleAsset = "lexicons/male-first-names-en.txt";

    private readonly HashSet<string> _names;

    public FirstNameLexicon(IEnumerable<string> names)
    {
        _names = new HashSet<string>(
            names.Select(n => n.Trim()).Where(n => n.Length > 1 && !n.StartsWith('#')),
            StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _names.Count;

    public bool Contains(string word) => _names.Contains(word);

    /// <summary>The fetched female and male lists plus <see cref="UkFirstNames"/>.</summary>
    public static FirstNameLexicon Load(AssetDirectory assets) =>
        new(File.ReadLines(assets.PathOf(FemaleAsset))
            .Concat(File.ReadLines(assets.PathOf(MaleAsset)))
            .Concat(UkFirstNames.Names.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
}
