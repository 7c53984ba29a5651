using PostGuard.Vision.Assets;
using PostGuard.Vision.Evaluation;
using PostGuard.Vision.TextRecognition;
using SkiaSharp;

namespace PostGuard.TextEvaluation.Rendering;

/// <summary>
/// Renders scenes: a public photo (the face-api group photos, whose labelled faces size and place what people hold or wear,
/// or a photo without people for signs and boards) cropped to a phone's 4:3 frame, a card drawn into it in perspective,
/// in uneven light, slightly out of focus, with sensor noise, saved as a JPEG. Deterministic for a seed.
/// </summary>
public sealed class SceneRenderer : IDisposable
{
    /// <summary>Photos with people: (asset, held out?). Their face labels place badges and certificates.</summary>
    private static readonly (string Asset, bool HeldOut)[] PeoplePhotos =
    [
        ("photos/face-api/sample1.jpg", false), ("photos/face-api/sample2.jpg", false), ("photos/face-api/sample3.jpg", false),
        ("photos/face-api/sample4.jpg", true), ("photos/face-api/sample5.jpg", true), ("photos/face-api/sample6.jpg", true),
    ];

    /// <summary>Photos without people and without words of their own (the circuit board and the plant's label are left out).</summary>
    private static readonly (string Asset, bool HeldOut)[] PlacePhotos =
    [
        ("photos/no-people/opencv-doc-aloeL.jpg", false), ("photos/no-people/opencv-doc-home.jpg", false), ("photos/no-people/opencv-doc-leuvenA.jpg", false),
        ("photos/no-people/ukui-wallpapers-rhythm.jpg", false), ("photos/no-people/opencv-doc-fruits.jpg", true), ("photos/no-people/opencv-doc-squirrel_cls.jpg", true),
        ("photos/no-people/opencv-doc-starry_night.jpg", true), ("photos/no-people/ukui-wallpapers-string.jpg", true),
    ];

    private readonly AssetDirectory _assets;
    private readonly SceneFonts _fonts;
    private readonly Dictionary<string, SKBitmap> _backgrounds = [];
    private readonly Dictionary<string, IReadOnlyList<PostGuard.Vision.Faces.FaceBox>> _faces = [];

    public SceneRenderer(AssetDirectory assets, string faceLabelsDirectory)
    {
        ArgumentNullException.ThrowIfNull(assets);
        _assets = assets;
        _fonts = new SceneFonts(assets);
        foreach (var file in Directory.GetFiles(faceLabelsDirectory, "*.json"))
        {
            var labels = LabelledImage.Load(file);
            _faces[labels.Image] = labels.Faces;
        }
    }

    /// <summary>The full-resolution frame of a phone photo (4:3, 12 MP) and a messaging app's downscaled copy.</summary>
    public static readonly (int Width, int Height)[] FrameSizes = [(4032, 3024), (4032, 3024), (4032, 3024), (1600, 1200)];

    /// <summary>A photo of the same kind with no words drawn into it (cropped, lit, noisy and compressed the same way): for false findings.</summary>
    public TextScene RenderWithoutWords(int seed, bool heldOut) => Render(null, seed, heldOut, true);

    /// <param name="withWords">False renders exactly the same photo (the same card, place, light and noise) with the card's words left out.</param>
    public TextScene Render(SceneKind kind, int seed, bool heldOut, bool withWords = true) => Render((SceneKind?)kind, seed, heldOut, withWords);

    private TextScene Render(SceneKind? kind, int seed, bool heldOut, bool withWords)
    {
        var random = new Random(seed);
        var (width, height) = FrameSizes[random.Next(FrameSizes.Length)];
        var people = kind is SceneKind.Certificate or SceneKind.Badges or SceneKind.Shirt || (kind is null && random.NextDouble() < 0.5);
        var choices = (people ? PeoplePhotos : PlacePhotos).Where(p => p.HeldOut == heldOut).ToArray();
        var background = choices[random.Next(choices.Length)].Asset;
        var source = Background(background);
        // Crop the photo to 4:3 (a certificate close-up zooms in on one face), then scale it to the frame.
        var faces = people ? _faces[background] : [];
        var focus = faces.Count > 0 ? faces[random.Next(faces.Count)] : default;
        var crop = Crop(source.Width, source.Height, kind == SceneKind.Certificate && random.NextDouble() < 0.5 ? focus : null, random);
        var toFrame = width / crop.Width;
        var framedFaces = faces.Select(f => new SKRect((float)((f.X - crop.Left) * toFrame), (float)((f.Y - crop.Top) * toFrame), (float)((f.X + f.Width - crop.Left) * toFrame), (float)((f.Y + f.Height - crop.Top) * toFrame)))
            .Where(f => f.Left >= 0 && f.Top >= 0 && f.Right <= width && f.Bottom <= height).ToList();

        using var frame = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(frame))
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.DrawImage(image, crop, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        var words = new List<LabelledWord>();
        var placer = new Placer(frame, random, words);
        var scenes = new SceneContent(_fonts, heldOut, random, withWords);
        switch (kind)
        {
            case SceneKind.Certificate:
                {
                    var face = framedFaces.Count > 0 ? framedFaces[random.Next(framedFaces.Count)] : new SKRect(width * 0.4f, height * 0.2f, width * 0.55f, height * 0.4f);
                    using var card = scenes.Certificate(out var aspect);
                    var cardWidth = face.Width * (float)(aspect > 1 ? U(random, 1.5, 2.2) : U(random, 1.1, 1.5));
                    placer.Place(card, face.MidX + (float)(U(random, -0.3, 0.3) * face.Width), face.Bottom + (cardWidth / aspect * 0.55f), cardWidth, U(random, -12, 12), 0.15);
                    break;
                }
            case SceneKind.Badges:
                foreach (var face in framedFaces.OrderBy(_ => random.Next()).Take(4))
                {
                    using var card = scenes.Badge();
                    var badgeWidth = face.Width * (float)U(random, 0.45, 0.65);
                    placer.Place(card, face.MidX + (float)(U(random, -0.2, 0.2) * face.Width), face.Bottom + (float)(U(random, 0.6, 1.1) * face.Height), badgeWidth, U(random, -20, 20), 0.2, lanyard: true);
                }
                break;
            case SceneKind.Shirt:
                {
                    var face = framedFaces.Count > 0 ? framedFaces[random.Next(framedFaces.Count)] : new SKRect(width * 0.4f, height * 0.1f, width * 0.55f, height * 0.3f);
                    using var card = scenes.Shirt(out var aspect);
                    var shirtWidth = face.Width * (float)U(random, 1.6, 2.2);
                    placer.Place(card, face.MidX, face.Bottom + (shirtWidth / aspect * 0.6f), shirtWidth, U(random, -8, 8), 0.1, fabric: true);
                    break;
                }
            case SceneKind.DisplayBoard:
                {
                    using var card = scenes.DisplayBoard(out var aspect);
                    var boardWidth = width * (float)U(random, 0.55, 0.9);
                    placer.Place(card, width * (float)U(random, 0.4, 0.6), height * (float)U(random, 0.4, 0.6), boardWidth, U(random, -4, 4), 0.25);
                    break;
                }
            case SceneKind.CoachSign:
                {
                    using var card = scenes.CoachSign(out var aspect);
                    var signWidth = width * (float)U(random, 0.5, 0.95);
                    placer.Place(card, width * (float)U(random, 0.4, 0.6), height * (float)U(random, 0.35, 0.65), signWidth, U(random, -5, 5), 0.3);
                    break;
                }
            case SceneKind.Poster:
                {
                    using var card = scenes.Poster(out var aspect);
                    var posterWidth = width * (float)U(random, 0.22, 0.45);
                    placer.Place(card, width * (float)U(random, 0.3, 0.7), height * (float)U(random, 0.35, 0.65), posterWidth, U(random, -6, 6), 0.2);
                    break;
                }
        }
        placer.Finish();
        var jpeg = Encode(frame, random.Next(78, 93));
        var visible = words.Where(w => w.Box.X >= 0 && w.Box.Y >= 0 && w.Box.Right <= width && w.Box.Bottom <= height).ToList();
        return new TextScene(kind is { } k ? $"{k}-{seed}{(withWords ? "" : "-blank")}" : $"NoWords-{seed}", withWords ? kind : null, jpeg, width, height, visible, background, heldOut);
    }

    private SKBitmap Background(string asset)
    {
        if (!_backgrounds.TryGetValue(asset, out var bitmap))
        {
            bitmap = SKBitmap.Decode(_assets.PathOf(asset)) ?? throw new InvalidDataException($"{asset} is not an image SkiaSharp can read");
            _backgrounds[asset] = bitmap;
        }
        return bitmap;
    }

    /// <summary>A 4:3 window of the photo: all of it that fits, or (for a close-up) around one face, the face a sixth to a quarter of its width.</summary>
    private static SKRect Crop(int width, int height, PostGuard.Vision.Faces.FaceBox? face, Random random)
    {
        double w = width, h = width * 0.75;
        if (h > height)
        {
            h = height;
            w = height / 0.75;
        }
        if (face is { } f && f.Width > 0)
        {
            var zoomed = Math.Min(w, f.Width / U(random, 0.14, 0.24));
            w = zoomed;
            h = zoomed * 0.75;
            var x = Math.Clamp(f.CenterX - (w / 2), 0, width - w);
            var y = Math.Clamp(f.Y - (h * 0.2), 0, height - h);
            return new SKRect((float)x, (float)y, (float)(x + w), (float)(y + h));
        }
        var x0 = (width - w) / 2;
        var y0 = (height - h) / 2;
        return new SKRect((float)x0, (float)y0, (float)(x0 + w), (float)(y0 + h));
    }

    private static byte[] Encode(SKBitmap frame, int quality)
    {
        using var image = SKImage.FromBitmap(frame);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
        return data.ToArray();
    }

    internal static double U(Random random, double low, double high) => low + (random.NextDouble() * (high - low));

    public void Dispose()
    {
        _fonts.Dispose();
        foreach (var bitmap in _backgrounds.Values)
        {
            bitmap.Dispose();
        }
    }

    /// <summary>Draws cards into the frame in perspective, shades them, and labels their words in frame pixels.</summary>
    private sealed class Placer(SKBitmap frame, Random random, List<LabelledWord> words)
    {
        private readonly SKCanvas _canvas = new(frame);
        private readonly double _blur = U(random, 0.4, 1.3) * frame.Width / 4032.0 * 2;

        public void Place(Card card, float centerX, float centerY, float width, double degrees, double maxTilt, bool lanyard = false, bool fabric = false)
        {
            var height = width * card.Height / card.Width;
            var tiltX = U(random, -maxTilt, maxTilt);
            var tiltY = U(random, -maxTilt, maxTilt);
            var corners = new[]
            {
                new SKPoint((float)(-width / 2 * (1 - tiltY)), (float)(-height / 2 * (1 - tiltX))),
                new SKPoint((float)(width / 2 * (1 - tiltY)), (float)(-height / 2 * (1 + tiltX))),
                new SKPoint((float)(width / 2 * (1 + tiltY)), (float)(height / 2 * (1 + tiltX))),
                new SKPoint((float)(-width / 2 * (1 + tiltY)), (float)(height / 2 * (1 - tiltX))),
            };
            var angle = degrees * Math.PI / 180;
            var (cos, sin) = ((float)Math.Cos(angle), (float)Math.Sin(angle));
            var quad = corners.Select(p => new SKPoint(centerX + (p.X * cos) - (p.Y * sin), centerY + (p.X * sin) + (p.Y * cos))).ToArray();
            var matrix = Homography.FromRectangle(card.Width, card.Height, quad);

            if (lanyard)
            {
                using var strap = new SKPaint { Color = new SKColor((byte)random.Next(0, 80), (byte)random.Next(0, 120), (byte)random.Next(80, 220)), StrokeWidth = Math.Max(2, width * 0.08f), IsAntialias = true, Style = SKPaintStyle.Stroke };
                _canvas.DrawLine(quad[0].X + ((quad[1].X - quad[0].X) * 0.3f), quad[0].Y, quad[0].X - (width * 0.3f), quad[0].Y - (height * 1.6f), strap);
                _canvas.DrawLine(quad[0].X + ((quad[1].X - quad[0].X) * 0.7f), quad[1].Y, quad[1].X + (width * 0.3f), quad[1].Y - (height * 1.6f), strap);
            }
            if (fabric)
            {
                AddWeave(card);
            }
            // Phone optics: a little blur, scaled to the card's size on screen (drawn at about 1.3× its final size).
            using (var paint = new SKPaint { IsAntialias = true, ImageFilter = SKImageFilter.CreateBlur((float)(_blur * card.Width / width), (float)(_blur * card.Width / width)) })
            using (var image = SKImage.FromBitmap(card.Bitmap))
            {
                _canvas.Save();
                _canvas.Concat(matrix);
                _canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear), paint);
                _canvas.Restore();
            }
            Shade(quad);
            foreach (var (text, role, box, size) in card.Words)
            {
                var mapped = new[] { new SKPoint(box.Left, box.Top), new SKPoint(box.Right, box.Top), new SKPoint(box.Right, box.Bottom), new SKPoint(box.Left, box.Bottom) }
                    .Select(matrix.MapPoint).ToArray();
                var x0 = mapped.Min(p => p.X);
                var y0 = mapped.Min(p => p.Y);
                var scale = width / card.Width;
                words.Add(new LabelledWord(text, role, new TextBox(x0, y0, mapped.Max(p => p.X) - x0, mapped.Max(p => p.Y) - y0), Math.Round(size * scale, 1)));
            }
        }

        /// <summary>Uneven light over the card: a shadow falling across it from one side.</summary>
        private void Shade(SKPoint[] quad)
        {
            using var builder = new SKPathBuilder();
            builder.MoveTo(quad[0]);
            builder.LineTo(quad[1]);
            builder.LineTo(quad[2]);
            builder.LineTo(quad[3]);
            builder.Close();
            using var path = builder.Detach();
            var from = quad[random.Next(4)];
            var to = quad[(Array.IndexOf(quad, from) + 2) % 4];
            var alpha = (byte)random.Next(0, 110);
            using var shader = SKShader.CreateLinearGradient(from, to, [new SKColor(0, 0, 0, alpha), new SKColor(0, 0, 0, 0)], SKShaderTileMode.Clamp);
            using var paint = new SKPaint { Shader = shader, IsAntialias = true };
            _canvas.DrawPath(path, paint);
        }

        private void AddWeave(Card card)
        {
            using var paint = new SKPaint { Color = new SKColor(0, 0, 0, 18), StrokeWidth = 1 };
            for (var y = 0; y < card.Height; y += 3)
            {
                card.Canvas.DrawLine(0, y, card.Width, y, paint);
            }
        }

        /// <summary>Exposure and colour of the whole frame, then sensor noise.</summary>
        public void Finish()
        {
            _canvas.Flush();
            var gain = U(random, 0.75, 1.08);
            var cast = new[] { U(random, 0.95, 1.05), U(random, 0.95, 1.05), U(random, 0.95, 1.05) };
            var sigma = U(random, 1.5, 5);
            var noise = new Random(random.Next());
            var bytes = frame.GetPixelSpan().ToArray();
            for (var i = 0; i < bytes.Length; i += 4)
            {
                var n = ((noise.NextDouble() + noise.NextDouble() + noise.NextDouble() - 1.5) * 2 * sigma);
                for (var c = 0; c < 3; c++)
                {
                    bytes[i + c] = (byte)Math.Clamp((bytes[i + c] * gain * cast[c]) + n, 0, 255);
                }
            }
            System.Runtime.InteropServices.Marshal.Copy(bytes, 0, frame.GetPixels(), bytes.Length);
            _canvas.Dispose();
        }
    }
}
