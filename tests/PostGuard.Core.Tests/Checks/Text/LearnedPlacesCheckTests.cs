using PostGuard.Core.Checks.Text.Learned;
using PostGuard.Core.Checks.Text.Locations;
using PostGuard.Core.Findings;
using PostGuard.Core.Tests.Checks.Text.Corpus;
using PostGuard.Vision.Assets;
using static PostGuard.Core.Tests.Checks.Text.TextChecks;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>
/// The learned second reading of places (R9) through the checked-in model (models/derived/text-r9-ngrams.zip), as the
/// service runs it: it adds a hold where the place rules find nothing and the model is sure, never a second finding where
/// the rules found a place, nothing on an everyday notice, and it fails closed without its model. The model is traced to
/// its training data and retrained here to show it is reproducible.
/// </summary>
public sealed class LearnedPlacesCheckTests
{
    /// <summary>SHA-256 of the twelve training sets, as models/derived/README.md records it for text-r9-ngrams.zip.</summary>
    private const string TrainingDataSha256 = "84e52ebe4bd2ad512fa87af830f97f0f076a2b268c3a343a1c04c2a5f6d5bee7";

    private static string CorpusDirectory => Path.GetDirectoryName(CorpusFile.Locate(RealPost.FirstSet))!;

    [Fact]
    public async Task A_live_diary_from_a_centre_the_rules_do_not_know_is_held_with_the_words_that_weighed()
    {
        // The eleventh set's "Hindleap Warren" diary (development data, labelled R8 and R9): no gazetteer entry, no venue word.
        var post = RealPost.Load(RealPost.EleventhSet).Single(p => p.Line == 48);
        var draft = Draft(post.Text, post.PublishAt, policy: TextCheckEvaluation.PolicyFor(post));
        Assert.DoesNotContain(await Run<LocationsCheck>(draft), f => f.Rule == "R9");
        var finding = Assert.Single(await Run<LearnedPlacesCheck>(draft));
        Assert.Equal("R9", finding.Rule);
        Assert.Equal(Severity.Hold, finding.Severity);
        Assert.Equal("learned-model", (string?)finding.Evidence!["source"]);
        Assert.True((double)finding.Evidence["probability"]! >= LearnedTextModels.PlaceThreshold);
        var words = finding.Evidence["words"]!.AsArray().Select(w => (string)w!).ToList();
        Assert.NotEmpty(words);
        Assert.Contains(words[0].Split(' ')[0], SpanText(finding), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(words[0], finding.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Year 6 had a wonderful day at the Natural History Museum in London, exploring the dinosaur gallery.")]
    [InlineData("Our residential at Kingswood Dearne Valley: the children loved the climbing wall and the zip wire.")]
    public async Task Where_the_rules_find_a_place_the_model_adds_nothing(string text)
    {
        var draft = Draft(text);
        Assert.Contains(await Run<LocationsCheck>(draft), f => f.Rule == "R9");
        Assert.Empty(await Run<LearnedPlacesCheck>(draft));
    }

    [Theory]
    [InlineData("Reminder: PE kits are needed on Thursday. Please label every item of uniform with your child's name.")]
    [InlineData("Year 2 have been learning about materials this week. They tested which fabrics are waterproof.")]
    [InlineData("")]
    public async Task An_everyday_notice_gets_no_learned_finding(string text)
    {
        Assert.Empty(await Run<LearnedPlacesCheck>(Draft(text)));
    }

    [Fact]
    public async Task Without_its_model_the_check_fails_so_the_draft_is_held()
    {
        var missing = Directory.CreateTempSubdirectory("postguard-no-models");
        try
        {
            File.WriteAllText(Path.Combine(missing.FullName, AssetDirectory.ManifestFileName), "");
            var check = new LearnedPlacesCheck(Locations, Names, new LearnedTextModels(missing.FullName));
            await Assert.ThrowsAsync<FileNotFoundException>(async () => await check.RunAsync(Draft("We had a lovely day out with the whole class."), CancellationToken.None));
        }
        finally
        {
            missing.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_model_was_trained_on_the_twelve_sets_as_they_are_now()
    {
        Assert.Equal(TrainingDataSha256, TrainingCorpus.Sha256(CorpusDirectory));
    }

    [Fact]
    public void Retraining_from_the_corpus_gives_the_checked_in_model()
    {
        var retrained = NGramTextModel.Train(TrainingCorpus.Examples(CorpusDirectory, "R9"));
        var checkedIn = NGramTextModel.Load(AssetDirectory.Locate().PathOf($"derived/{LearnedTextModels.FileName("R9")}"));
        var posts = RealPost.Load(RealPost.FourteenthSet).Select(p => new NGramTextModel.Example { Text = p.Text }).ToList();
        var expected = checkedIn.Probabilities(posts);
        var actual = retrained.Probabilities(posts);
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-5f));
    }
}
