using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace PostGuard.Core.Checks.Text.Learned;

/// <summary>
/// A logistic regression (ML.NET SDCA, fixed seed) over a post's word 1–2-grams and character trigrams, plus one feature
/// that may carry whether a rule raised the post (the stacked form the corpus experiment measures; 0 in the product's
/// n-grams-alone models). Trained from labelled real posts by <c>tools/PostGuard.Training</c>; what it adds to the rules
/// was measured on blind sets before it went in (Corpus/README.md). Scoring is thread-safe (one engine under a lock).
/// </summary>
public sealed class NGramTextModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly PredictionEngine<Example, Scored> _engine;
    private readonly Lock _gate = new();
    private readonly Lazy<IReadOnlyDictionary<string, float>> _wordWeights;

    private NGramTextModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        _engine = ml.Model.CreatePredictionEngine<Example, Scored>(model);
        _wordWeights = new Lazy<IReadOnlyDictionary<string, float>>(WordWeights);
    }

    private const string WordSlot = "TextFeatures.Word.";

    /// <summary>Words that weigh but explain nothing to a reader: "at", "the", "at the".</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "at", "to", "in", "on", "of", "and", "for", "with", "from", "by", "we", "our", "us", "was", "were", "is",
        "are", "be", "been", "it", "its", "this", "that", "there", "they", "their", "then", "had", "have", "has", "as", "up", "off",
        "where", "when", "what", "who", "which", "all", "some", "very", "so", "but", "not", "i", "you", "he", "she", "his", "her",
        "them", "into", "out", "over", "after", "before", "about", "also", "just", "more", "most", "s",
    };

    /// <summary>Words as the featuriser keeps them: letters and digits, punctuation dropped.</summary>
    private static readonly System.Text.RegularExpressions.Regex WordPattern = new(@"[\p{L}\p{N}]+", System.Text.RegularExpressions.RegexOptions.Compiled);

    public sealed class Example
    {
        public string Text { get; set; } = "";

        /// <summary>1 when the rule raised the post, else 0 (always 0 for an n-grams-alone model).</summary>
        public float RuleRaised { get; set; }

        public bool Label { get; set; }
    }

    private sealed class Scored
    {
        public float Probability { get; set; }
    }

    public static NGramTextModel Train(IReadOnlyList<Example> examples, int seed = 1)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var text = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false },
            KeepDiacritics = false,
            KeepPunctuations = false,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var pipeline = ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(Example.Text))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(Example.RuleRaised)))
            .Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression(nameof(Example.Label), "Features", maximumNumberOfIterations: 200));
        return new NGramTextModel(ml, pipeline.Fit(data));
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NGramTextModel Load(string path)
    {
        var ml = new MLContext(1);
        using var stream = File.OpenRead(path);
        var model = ml.Model.Load(stream, out _);
        return new NGramTextModel(ml, model);
    }

    public void Save(string path)
    {
        using var stream = File.Create(path);
        _ml.Model.Save(_model, _ml.Data.LoadFromEnumerable(Array.Empty<Example>()).Schema, stream);
    }

    /// <summary>The model's probability that each post breaks the rule, in the order given.</summary>
    public IReadOnlyList<float> Probabilities(IReadOnlyList<Example> posts)
    {
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(posts));
        return [.. _ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).Select(s => s.Probability)];
    }

    /// <summary>
    /// The words of the post that weigh most towards the rule (word 1–2-grams with the largest positive weights, bigrams
    /// written with a space, function words alone left out), to explain a finding the model raised; the character trigrams,
    /// which weigh too, name nothing.
    /// </summary>
    public IReadOnlyList<string> TopWords(string text, int count)
    {
        var words = WordPattern.Matches(text.ToLowerInvariant()).Select(m => m.Value).ToArray();
        var weights = _wordWeights.Value;
        var found = new Dictionary<string, float>(StringComparer.Ordinal);
        for (var i = 0; i < words.Length; i++)
        {
            if (weights.TryGetValue(words[i], out var one) && one > 0)
            {
                found[words[i]] = one;
            }
            if (i + 1 < words.Length && weights.TryGetValue($"{words[i]}|{words[i + 1]}", out var two) && two > 0)
            {
                found[$"{words[i]} {words[i + 1]}"] = two;
            }
        }
        foreach (var key in found.Keys.Where(k => k.Split(' ').All(FunctionWords.Contains)).ToList())
        {
            found.Remove(key);
        }
        return [.. found.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(count).Select(w => w.Key)];
    }

    private Dictionary<string, float> WordWeights()
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        if (_model is not TransformerChain<ITransformer> chain
            || chain.LastTransformer is not BinaryPredictionTransformer<CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator>> linear)
        {
            return weights;
        }
        var column = _model.Transform(_ml.Data.LoadFromEnumerable(new[] { new Example() })).Schema["Features"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        var values = linear.Model.SubModel.Weights;
        var k = 0;
        foreach (var name in names.DenseValues())
        {
            var slot = name.Span;
            if (slot.StartsWith(WordSlot, StringComparison.Ordinal) && k < values.Count)
            {
                weights[slot[WordSlot.Length..].ToString()] = values[k];
            }
            k++;
        }
        return weights;
    }

    /// <summary>One post's probability, with no rule feature (the product's use).</summary>
    public float Probability(string text)
    {
        lock (_gate)
        {
            return _engine.Predict(new Example { Text = text }).Probability;
        }
    }
}
