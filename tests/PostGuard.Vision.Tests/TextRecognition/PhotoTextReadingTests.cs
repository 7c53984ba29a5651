using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.TextRecognition;
using PostGuard.Vision.Tests.Codecs;

namespace PostGuard.Vision.Tests.TextRecognition;

/// <summary>The real PP-OCRv4 models on rendered and real photos, through the inspector as the service runs it.</summary>
[Collection(VisionCollection.Name)]
public sealed class PhotoTextReadingTests(VisionFixture vision) : IDisposable
{
    private readonly SceneRenderer _renderer = new(vision.Assets, VisionFixture.LabelsDirectory);

    private static IEnumerable<string> WordsRead(ImageInspection inspection) => inspection.TextLines.SelectMany(l => l.Words).Select(w => w.Text.ToLowerInvariant());

    [Fact]
    public void The_name_on_a_certificate_held_up_in_a_12_megapixel_photo_is_read_where_it_is()
    {
        var scene = _renderer.Render(SceneKind.Certificate, 101, heldOut: false);
        Assert.Equal(4032, scene.Width);
        var inspection = vision.Inspector.Inspect(scene.Jpeg);
        foreach (var name in scene.NameWords)
        {
            var read = inspection.TextLines.SelectMany(l => l.Words).Where(w => w.Text.Equals(name.Text, StringComparison.OrdinalIgnoreCase)).ToList();
            var word = Assert.Single(read);
            // The word's box lies on the drawn word: they overlap by most of the drawn word's area.
            Assert.True(word.Box.IntersectionArea(name.Box) > 0.5 * name.Box.Area, $"{name.Text}: read at {word.Box}, drawn at {name.Box}");
        }
        Assert.Contains(inspection.TextLines, l => l.Confidence > 0.8);
    }

    [Fact]
    public void A_phone_number_on_a_sign_is_read_as_its_digits()
    {
        var scene = _renderer.Render(SceneKind.CoachSign, 101, heldOut: false);
        var digits = string.Concat(scene.Words.Where(w => w.Role == WordRole.Phone).Select(w => w.Text));
        var inspection = vision.Inspector.Inspect(scene.Jpeg);
        Assert.Contains(inspection.TextLines, l => new string([.. l.Text.Where(char.IsDigit)]).Contains(digits, StringComparison.Ordinal));
    }

    [Fact]
    public void A_name_badge_below_a_face_is_read_in_a_group_photo()
    {
        var scene = _renderer.Render(SceneKind.Badges, 102, heldOut: false);
        var inspection = vision.Inspector.Inspect(scene.Jpeg);
        var read = WordsRead(inspection).ToHashSet();
        Assert.Contains(scene.NameWords, n => read.Contains(n.Text.ToLowerInvariant()));
    }

    [Fact]
    public void Small_name_badges_in_a_12_megapixel_group_photo_are_read_from_the_glances_below_the_faces()
    {
        // Six names 24–42 px tall on lanyard badges: the glance below each face (at the scale the badge estimate asks, in the
        // pixels decoded for the faces) must still see them, and the finer decode it asks for must be fine enough to read them.
        var scene = _renderer.Render(SceneKind.Badges, 1029, heldOut: false);
        Assert.Equal(4032, scene.Width);
        Assert.Contains(scene.NameWords, n => n.Box.Height < 30);
        var read = WordsRead(vision.Inspector.Inspect(scene.Jpeg)).ToHashSet();
        Assert.All(scene.NameWords, n => Assert.Contains(n.Text.ToLowerInvariant(), read));
    }

    [Fact]
    public void Small_name_badges_are_read_where_they_are_when_the_camera_stored_the_photo_turned_round()
    {
        // The same group photo stored a quarter turn round with EXIF orientation 8 to show it upright: the finer decode of the parts
        // below the faces is cut from the stored JPEG, so the parts must be mapped between the displayed photo and the stored one.
        var scene = _renderer.Render(SceneKind.Badges, 1029, heldOut: false);
        var upright = new ImageDecoder().Decode(scene.Jpeg).Pixels;
        var stored = RegionDecodingTests.WithOrientation(JpegCodec.Encode(Orientation.Apply(upright, 6), 90), 8);

        var inspection = vision.Inspector.Inspect(stored);

        Assert.Equal((scene.Width, upright.Height), (inspection.Width, inspection.Height));
        var words = inspection.TextLines.SelectMany(l => l.Words).ToList();
        // Each name is read on the drawn word: a word of that text overlapping most of the drawn word's area.
        Assert.All(scene.NameWords, n =>
            Assert.Contains(words, w => w.Text.Equals(n.Text, StringComparison.OrdinalIgnoreCase) && w.Box.IntersectionArea(n.Box) > 0.5 * n.Box.Area));
    }

    [Fact]
    public void A_12_megapixel_photo_of_people_without_words_reads_none()
    {
        // The benchmark photo: three faces, and below one of them a lanyard card whose print is too small to read, which the
        // glance sees and a finer decode looks at again; nothing legible is there, so no line may come out.
        var photo = new ImageDecoder().Decode(File.ReadAllBytes(vision.Assets.PathOf("photos/face-api/sample1.jpg"))).Pixels;
        var inspection = vision.Inspector.Inspect(JpegCodec.Encode(ImageResizer.Resize(photo, 4240, 2827), 90));
        Assert.True(inspection.Faces.Count >= 3, $"{inspection.Faces.Count} faces: the glances below them are what this photo tests");
        Assert.Empty(inspection.TextLines);
    }

    [Fact]
    public void Real_photos_of_signs_are_read()
    {
        var inspection = vision.Inspector.Inspect(File.ReadAllBytes(vision.Assets.PathOf("photos/text/opencv-doc-scenetext01.jpg")));
        var read = WordsRead(inspection).ToHashSet();
        Assert.Contains("parking", read);
        Assert.Contains("prohibited", read);
    }

    [Theory]
    [InlineData("photos/face-api/sample2.jpg")]
    [InlineData("photos/no-people/opencv-doc-baboon.jpg")]
    [InlineData("photos/no-people/ukui-wallpapers-rhythm.jpg")]
    public void A_photo_without_words_reads_none(string asset)
    {
        var inspection = vision.Inspector.Inspect(File.ReadAllBytes(vision.Assets.PathOf(asset)));
        Assert.Empty(inspection.TextLines);
    }

    [Fact]
    public void An_upside_down_line_is_turned_round_and_read()
    {
        var scene = _renderer.Render(SceneKind.Certificate, 101, heldOut: false);
        var upright = new ImageDecoder().Decode(scene.Jpeg).Pixels;
        var turned = new RgbImage(upright.Width, upright.Height);
        var row = upright.Stride;
        for (var y = 0; y < upright.Height; y++)
        {
            for (var x = 0; x < upright.Width; x++)
            {
                upright.Pixels.AsSpan((y * row) + (x * 3), 3).CopyTo(turned.Pixels.AsSpan(((upright.Height - 1 - y) * row) + ((upright.Width - 1 - x) * 3)));
            }
        }
        var inspection = vision.Inspector.Inspect(JpegCodec.Encode(turned, 90));
        var read = WordsRead(inspection).ToHashSet();
        Assert.All(scene.NameWords, n => Assert.Contains(n.Text.ToLowerInvariant(), read));
    }

    [Fact]
    public void The_number_of_lines_read_per_photo_is_bounded()
    {
        using var reader = new ImageInspector(new VisionOptions { AssetsRoot = vision.Assets.Root, MaxTextLines = 3 });
        var inspection = reader.Inspect(_renderer.Render(SceneKind.Poster, 101, heldOut: false).Jpeg);
        Assert.InRange(inspection.TextLines.Count, 1, 3);
    }

    [Fact]
    public void A_missing_text_model_fails_loudly_at_start_up()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new ImageInspector(new VisionOptions { AssetsRoot = vision.Assets.Root, TextRecognizerModel = "paddleocr/missing.onnx" }));
        Assert.Contains("paddleocr/missing.onnx", error.Message);
    }

    public void Dispose() => _renderer.Dispose();
}
