using PostGuard.Vision.Codecs;

namespace PostGuard.Vision.Tests.Codecs;

/// <summary>Damaged files of every format either decode or are rejected: never another exception, never a crash of the test host.</summary>
public sealed class MutatedInputTests
{
    [Theory]
    [InlineData("sample1-640.png")]
    [InlineData("sample1-640.webp")]
    [InlineData("sample1-640.heic")]
    [InlineData("sample1-320-gps-offset.jpg")]
    [InlineData("sample1-640-orientation6.jpg")]
    public void Randomly_damaged_files_decode_or_are_rejected(string file)
    {
        var original = VisionFixture.TestFile(file);
        var decoder = new ImageDecoder();
        var random = new Random(file.Length);
        var outcomes = new Dictionary<string, int>();
        for (var round = 0; round < 200; round++)
        {
            var damaged = (byte[])original.Clone();
            var changes = 1 + random.Next(20);
            for (var c = 0; c < changes; c++)
            {
                // Mostly in the first 2 KB, where headers, sizes and metadata live.
                var at = random.Next(4) == 0 ? random.Next(damaged.Length) : random.Next(Math.Min(2048, damaged.Length));
                damaged[at] = (byte)random.Next(256);
            }
            var length = random.Next(3) == 0 ? random.Next(damaged.Length) : damaged.Length;
            string outcome;
            try
            {
                var image = decoder.Decode(damaged.AsSpan(0, length));
                Assert.True(image.Pixels.Width > 0 && image.Pixels.Height > 0);
                outcome = "decoded";
            }
            catch (ImageRejectedException e)
            {
                outcome = e.Reason.ToString();
            }
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }
        Assert.True(outcomes.Keys.Any(k => k != "decoded"), "no mutation was ever rejected: the damage did not reach the decoder");
    }
}
