using PostGuard.TextEvaluation.Rendering;
using PostGuard.Vision.Assets;
using PostGuard.Vision.TextRecognition;

namespace PostGuard.TextEvaluation.Scoring;

/// <summary>
/// Real photos with words: OpenCV's scene-text samples (Debian opencv-doc), labelled by eye with the words a reader
/// should get (signs and notices; the tiny print on a newspaper box is left out). Labels carry no position: a word
/// counts as read when it was read anywhere in the photo.
/// </summary>
public static class RealPhotosWithWords
{
    private static readonly (string Asset, string Words, string Places)[] Labels =
    [
        ("photos/text/opencv-doc-scenetext01.jpg", "NOTICE DOUBLE PARKING PROHIBITED AT ALL TIMES", ""),
        ("photos/text/opencv-doc-scenetext02.jpg", "Sports Centre Park Conference Centre Car Parks", "Wivenhoe"),
        ("photos/text/opencv-doc-scenetext03.jpg", "the copy centre", ""),
        ("photos/text/opencv-doc-scenetext04.jpg", "GM 125", ""),
        ("photos/text/opencv-doc-scenetext05.jpg", "NO PARKING NO PARKING", ""),
        ("photos/text/opencv-doc-scenetext06.jpg", "priory galleries at the ship priory galleries at the ship", ""),
    ];

    public static IEnumerable<TextScene> Load(AssetDirectory assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        foreach (var (asset, words, places) in Labels)
        {
            var bytes = File.ReadAllBytes(assets.PathOf(asset));
            var size = new Vision.Codecs.ImageDecoder().Decode(bytes, 64);
            var everywhere = new TextBox(0, 0, size.DisplayWidth, size.DisplayHeight);
            var labelled = words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new LabelledWord(w, WordRole.Other, everywhere, 0))
                .Concat(places.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new LabelledWord(w, WordRole.Place, everywhere, 0)))
                .ToList();
            yield return new TextScene(Path.GetFileNameWithoutExtension(asset), SceneKind.CoachSign, bytes, size.DisplayWidth, size.DisplayHeight, labelled, asset, true);
        }
    }
}
