using PostGuard.Vision.Assets;

namespace PostGuard.Core.Checks.Text.Learned;

/// <summary>
/// The learned text models checked in under models/derived (made by tools/PostGuard.Training), loaded once on first use. A
/// missing or unreadable model surfaces as an exception inside the check that needs it, which holds the draft (fail
/// closed); the load is retried on the next draft.
/// </summary>
public sealed class LearnedTextModels
{
    /// <summary>
    /// R9's threshold: the lowest probability that adds a finding the rules did not raise, chosen by five-fold
    /// cross-validation over the training sets' sites (the best recall for at most 0.03 less precision).
    /// </summary>
    public const float PlaceThreshold = 0.85f;

    private readonly Lazy<NGramTextModel> _places;

    /// <param name="assetsRoot">The models directory (Assets:Root); null finds it above the application.</param>
    public LearnedTextModels(string? assetsRoot)
    {
        _places = new Lazy<NGramTextModel>(() => NGramTextModel.Load(AssetDirectory.Locate(assetsRoot).PathOf($"derived/{FileName("R9")}")), LazyThreadSafetyMode.PublicationOnly);
    }

    public static string FileName(string rule) => $"text-{rule.ToLowerInvariant()}-ngrams.zip";

    /// <summary>The R9 model: does the post name a place or venue off the school site?</summary>
    public NGramTextModel Places => _places.Value;
}
