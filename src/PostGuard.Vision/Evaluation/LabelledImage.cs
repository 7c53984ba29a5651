using System.Text.Json;
using System.Text.Json.Serialization;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Evaluation;

/// <summary>Hand-checked ground truth for one photo: its asset path, displayed size and face boxes.</summary>
public sealed record LabelledImage(string Image, int Width, int Height, IReadOnlyList<FaceBox> Faces)
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads a labels file: {"image", "width", "height", "faces": [{"x", "y", "width", "height"}]}.</summary>
    public static LabelledImage Load(string path)
    {
        var file = JsonSerializer.Deserialize<LabelFile>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path}: empty labels file");
        if (string.IsNullOrWhiteSpace(file.Image) || file.Width <= 0 || file.Height <= 0 || file.Faces is null)
        {
            throw new InvalidDataException($"{path}: needs image, width, height and faces");
        }
        var faces = file.Faces.Select((f, i) => f.Width > 0 && f.Height > 0
            ? new FaceBox(f.X, f.Y, f.Width, f.Height)
            : throw new InvalidDataException($"{path}: face {i} has no size")).ToList();
        return new LabelledImage(file.Image, file.Width, file.Height, faces);
    }

    private sealed record LabelFile(
        [property: JsonPropertyName("image")] string? Image,
        [property: JsonPropertyName("width")] int Width,
        [property: JsonPropertyName("height")] int Height,
        [property: JsonPropertyName("faces")] List<LabelBox>? Faces);

    private sealed record LabelBox(
        [property: JsonPropertyName("x")] double X,
        [property: JsonPropertyName("y")] double Y,
        [property: JsonPropertyName("width")] double Width,
        [property: JsonPropertyName("height")] double Height);
}
