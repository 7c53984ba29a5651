using PostGuard.Vision.TextRecognition;

namespace PostGuard.Vision.Tests.TextRecognition;

[Collection(VisionCollection.Name)]
public sealed class CtcDecoderTests(VisionFixture vision)
{
    private RecognitionAlphabet Alphabet => RecognitionAlphabet.Load(vision.Assets.PathOf("paddleocr/ppocr_keys_v1.txt"));

    private static int ClassOf(RecognitionAlphabet alphabet, string character) =>
        Enumerable.Range(1, alphabet.ClassCount - 1).First(i => alphabet[i] == character);

    [Fact]
    public void The_alphabet_has_a_blank_the_keys_and_a_space()
    {
        var alphabet = Alphabet;
        Assert.Equal(6625, alphabet.ClassCount);
        Assert.Equal(" ", alphabet[alphabet.ClassCount - 1]);
        Assert.Equal("'", alphabet[1]);
    }

    [Fact]
    public void Repeats_collapse_blanks_separate_and_columns_are_kept()
    {
        var alphabet = Alphabet;
        var (a, b) = (ClassOf(alphabet, "A"), ClassOf(alphabet, "b"));
        // Columns: A A blank b b blank b
        int[] best = [a, a, 0, b, b, 0, b];
        var probabilities = new float[best.Length * alphabet.ClassCount];
        for (var t = 0; t < best.Length; t++)
        {
            probabilities[(t * alphabet.ClassCount) + best[t]] = 0.8f;
        }
        var read = CtcDecoder.Decode(probabilities, best.Length, alphabet.ClassCount, alphabet);
        Assert.Equal("Abb", string.Concat(read.Select(c => c.Text)));
        Assert.Equal([0, 3, 6], read.Select(c => c.Column));
    }

    [Fact]
    public void A_recogniser_whose_classes_do_not_match_the_alphabet_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CtcDecoder.Decode(new float[10], 1, 10, Alphabet));
    }
}
