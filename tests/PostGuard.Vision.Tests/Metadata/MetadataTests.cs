using PostGuard.Vision.Metadata;

namespace PostGuard.Vision.Tests.Metadata;

[Collection(VisionCollection.Name)]
public sealed class MetadataTests(VisionFixture vision)
{
    [Fact]
    public void Gps_position_of_a_face_api_photo_is_read()
    {
        var inspection = vision.Inspector.Inspect(vision.Sample(1));

        Assert.True(inspection.HasGps);
        Assert.Equal(37.31964, inspection.GpsLatitude!.Value, 4);
        Assert.Equal(-121.94650, inspection.GpsLongitude!.Value, 4);
    }

    [Fact]
    public void Capture_time_is_read_without_inventing_an_offset()
    {
        var inspection = vision.Inspector.Inspect(vision.Sample(6));

        Assert.NotNull(inspection.CapturedAt);
        Assert.Equal(new DateTime(2018, 5, 5, 19, 42, 10), inspection.CapturedAt.Local);
        Assert.Null(inspection.CapturedAt.Offset);
        Assert.Null(inspection.CapturedAt.Instant);
        Assert.Equal(new DateTimeOffset(2018, 5, 5, 19, 42, 10, TimeSpan.FromHours(1)), inspection.CapturedAt.ToInstant(TimeZoneInfo.CreateCustomTimeZone("test", TimeSpan.FromHours(1), "test", "test")));
    }

    [Fact]
    public void Capture_offset_and_western_longitude_are_read()
    {
        var inspection = vision.Inspector.Inspect(VisionFixture.TestFile("sample1-320-gps-offset.jpg"));

        Assert.Equal(new DateTimeOffset(2026, 6, 12, 10, 30, 0, TimeSpan.FromHours(1)), inspection.CapturedAt?.Instant);
        Assert.Equal(51.5007, inspection.GpsLatitude!.Value, 4);
        Assert.Equal(-0.1246, inspection.GpsLongitude!.Value, 4);
    }

    [Fact]
    public void Photo_without_metadata_has_no_gps_and_no_capture_time()
    {
        var inspection = vision.Inspector.Inspect(VisionFixture.TestFile("sample1-640.png"));

        Assert.False(inspection.HasGps);
        Assert.Null(inspection.CapturedAt);
    }

    [Fact]
    public void Garbage_metadata_reads_as_none()
    {
        Assert.Equal(PhotoMetadata.None, PhotoMetadataReader.Read([0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x10, 0x45, 0x78, 0x69, 0x66, 0, 0, 1, 2, 3]));
    }
}
