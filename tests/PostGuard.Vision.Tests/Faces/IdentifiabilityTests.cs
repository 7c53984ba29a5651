using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Tests.Faces;

public sealed class IdentifiabilityTests
{
    private readonly Identifiability _instagram = new(DisplayWidth: 1080, MinFaceWidthPixels: 24, MinScore: 0.6);

    [Fact]
    public void Face_width_is_scaled_to_the_channel_display_width()
    {
        Assert.Equal(27, _instagram.DisplayedFaceWidth(100, 4000), 6);
    }

    [Fact]
    public void Small_image_is_not_enlarged_to_the_display_width()
    {
        Assert.Equal(30, _instagram.DisplayedFaceWidth(30, 640), 6);
    }

    [Theory]
    [InlineData(100, 0.9, 4000, true)]   // 27 px at 1080
    [InlineData(80, 0.9, 4000, false)]   // 21.6 px at 1080: too small to identify
    [InlineData(100, 0.55, 4000, false)] // big enough, but the detector is not sure enough
    [InlineData(24, 0.6, 800, true)]     // exactly at both thresholds
    public void Identifiable_needs_both_size_and_score(double faceWidth, double score, int imageWidth, bool identifiable)
    {
        Assert.Equal(identifiable, _instagram.IsIdentifiable(faceWidth, score, imageWidth));
    }
}
