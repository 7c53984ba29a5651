using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Checks.Text.Names;
using PostGuard.Vision.Assets;

namespace PostGuard.Core.Checks.Text;

/// <summary>
/// The fetched lexicons the text checks need (first names, UK gazetteer), loaded once on first use.
/// A missing or unreadable asset surfaces as an exception inside the check that needs it, which the
/// analyser turns into a Hold "analysis incomplete" (fail closed) instead of stopping the service;
/// the load is retried on the next draft, so fetching the assets later recovers without a restart.
/// </summary>
public sealed class TextLexicons
{
    private readonly Lazy<FirstNameLexicon> _firstNames;
    private readonly Lazy<Gazetteer> _gazetteer;

    /// <param name="assetsRoot">The models directory (Assets:Root); null finds it above the application.</param>
    public TextLexicons(string? assetsRoot)
    {
        _firstNames = new Lazy<FirstNameLexicon>(() => FirstNameLexicon.Load(AssetDirectory.Locate(assetsRoot)), LazyThreadSafetyMode.PublicationOnly);
        _gazetteer = new Lazy<Gazetteer>(() => Gazetteer.Load(AssetDirectory.Locate(assetsRoot)), LazyThreadSafetyMode.PublicationOnly);
    }

    public TextLexicons(FirstNameLexicon firstNames, Gazetteer gazetteer)
    {
        _firstNames = new Lazy<FirstNameLexicon>(firstNames);
        _gazetteer = new Lazy<Gazetteer>(gazetteer);
    }

    public FirstNameLexicon FirstNames => _firstNames.Value;
    public Gazetteer Gazetteer => _gazetteer.Value;
}
