using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace PostGuard.Core.Tests.Checks.Text.Corpus.Learned;

/// <summary>
/// A learned second opinion on one text rule, for issue 12's "a learned model where it beats rules": a logistic
/// regression (ML.NET SDCA, fixed seed) over the post's word and character n-grams plus one feature, whether the rule
/// itself raised the post. It learns when the rule's finding tends to be right and which wording the rule misses.
/// Trained on development posts only; whether it beats the rule is measured on posts it never saw.
/// </summary>
public sealed class StackedRuleModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private StackedRuleModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
    }

    public sealed class Example
    {
        public string Text { get; set; } = "";

        /// <summary>1 when the rule raised the post, else 0.</summary>
        public float RuleRaised { get; set; }

        public bool Label { get; set; }
    }

    private sealed class Scored
    {
        public float Probability { get; set; }
    }

    public static StackedRuleModel Train(IReadOnlyList<Example> examples, int seed = 1)
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
        return new StackedRuleModel(ml, pipeline.Fit(data));
    }

    /// <summary>The model's probability that each post breaks the rule, in the order given.</summary>
    public IReadOnlyList<float> Probabilities(IReadOnlyList<Example> posts)
    {
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(posts));
        return [.. _ml.Data.CreateEnumerable<Scored>(scored, reuseRowObject: false).Select(s => s.Probability)];
    }
}
