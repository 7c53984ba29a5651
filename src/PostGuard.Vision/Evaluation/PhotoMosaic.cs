using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;

namespace PostGuard.Vision.Evaluation;

/// <summary>
/// Builds a large test photo from labelled photos: a grid of cells on a black canvas, each photo shrunk to fit
/// its cell, with the labels moved along. A 4000×3000 mosaic is a 12-MP photo whose faces are 3–5 times smaller
/// than in the originals: small faces with known boxes.
/// </summary>
public static class PhotoMosaic
{
    public static (RgbImage Image, List<FaceBox> Faces) Build(IReadOnlyList<(RgbImage Photo, IReadOnlyList<FaceBox> Faces)> photos, int columns, int rows, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var canvas = new RgbImage(width, height);
        var faces = new List<FaceBox>();
        var cellWidth = width / columns;
        var cellHeight = height / rows;
        var k = 0;
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var (photo, labels) = photos[k++ % photos.Count];
                var scale = Math.Min((double)cellWidth / photo.Width, (double)cellHeight / photo.Height);
                var w = Math.Max(1, (int)(photo.Width * scale));
                var h = Math.Max(1, (int)(photo.Height * scale));
                var dx = (c * cellWidth) + ((cellWidth - w) / 2);
                var dy = (r * cellHeight) + ((cellHeight - h) / 2);
                ImageResizer.Paste(ImageResizer.Resize(photo, w, h), canvas, dx, dy);
                var sx = (double)w / photo.Width;
                var sy = (double)h / photo.Height;
                faces.AddRange(labels.Select(f => new FaceBox((f.X * sx) + dx, (f.Y * sy) + dy, f.Width * sx, f.Height * sy)));
            }
        }
        return (canvas, faces);
    }
}
