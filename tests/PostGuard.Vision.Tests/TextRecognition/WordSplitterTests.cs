using PostGuard.Vision.TextRecognition;

namespace PostGuard.Vision.Tests.TextRecognition;

public sealed class WordSplitterTests
{
    /// <summary>Characters at the given columns: "A2B" style strings, one character per column list entry.</summary>
    private static List<CtcDecoder.DecodedCharacter> Read(string text, params int[] columns) =>
        [.. text.Select((c, i) => new CtcDecoder.DecodedCharacter(c.ToString(), columns[i], 0.9f))];

    private static List<string> Words(List<CtcDecoder.DecodedCharacter> characters) =>
        [.. WordSplitter.Split(characters).Select(w => string.Concat(w.Select(c => c.Text)))];

    [Fact]
    public void The_recognisers_own_spaces_split_words()
    {
        Assert.Equal(["Mrs", "Patel"], Words(Read("Mrs Patel", 0, 2, 4, 6, 8, 10, 12, 14, 16)));
    }

    [Fact]
    public void A_wide_gap_is_a_space_even_when_the_recogniser_left_it_out()
    {
        Assert.Equal(["Isla", "Williams"], Words(Read("IslaWilliams", 0, 2, 4, 6, 14, 16, 18, 20, 22, 24, 26, 28)));
    }

    [Fact]
    public void Letters_meeting_digits_or_a_capital_split_at_a_smaller_gap()
    {
        Assert.Equal(["Tel", "07700"], Words(Read("Tel07700", 0, 2, 4, 8, 10, 12, 14, 16)));
        Assert.Equal(["Mrs", "Patel"], Words(Read("MrsPatel", 0, 2, 4, 8, 10, 12, 14, 16)));
    }

    [Fact]
    public void Even_steps_never_split_and_a_capital_alone_before_lower_case_starts_the_word()
    {
        Assert.Equal(["07700900482"], Words(Read("07700900482", 0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20)));
        Assert.Equal(["Whitfield"], Words(Read("Whitfield", 0, 7, 9, 11, 13, 15, 17, 19, 21)));
        Assert.Equal(["McKenzie"], Words(Read("McKenzie", 0, 2, 4, 6, 8, 10, 12, 14)));
    }
}
