using SkiaSharp;

namespace PostGuard.TextEvaluation.Rendering;

/// <summary>What goes on each card: the layout of a certificate, a badge, a shirt print, a display board, a coach's side, a poster.</summary>
internal sealed class SceneContent(SceneFonts fonts, bool heldOut, Random random, bool withWords)
{
    private static readonly SKColor Ink = new(20, 20, 30);

    private string FirstName() => SceneWords.FirstNames[random.Next(SceneWords.FirstNames.Length)];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static (string, WordRole)[] Words(string text, WordRole role) => [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, role))];

    private SKColor Bright() => SKColor.FromHsl((float)SceneRenderer.U(random, 0, 360), (float)SceneRenderer.U(random, 55, 85), (float)SceneRenderer.U(random, 35, 50));

    private SKColor Pale() => SKColor.FromHsl((float)SceneRenderer.U(random, 0, 360), (float)SceneRenderer.U(random, 20, 60), (float)SceneRenderer.U(random, 88, 97));

    /// <summary>An A4 certificate, landscape or portrait: award, "awarded to", the pupil's name large, why, class and date, a signature.</summary>
    public Card Certificate(out float aspect)
    {
        var landscape = random.NextDouble() < 0.6;
        var (w, h) = landscape ? (1600, 1131) : (1131, 1600);
        aspect = (float)w / h;
        var card = new Card(w, h, Pale(), withWords);
        var border = Bright();
        using (var pen = new SKPaint { Color = border, Style = SKPaintStyle.Stroke, StrokeWidth = w * 0.02f, IsAntialias = true })
        {
            card.Canvas.DrawRect(w * 0.03f, h * 0.03f, w * 0.94f, h * 0.94f, pen);
            pen.StrokeWidth = w * 0.004f;
            card.Canvas.DrawRect(w * 0.06f, h * 0.06f, w * 0.88f, h * 0.88f, pen);
        }
        var first = FirstName();
        var full = random.NextDouble() < 0.7;
        var y = h * 0.2f;
        card.Line(Pick(SceneWords.Awards), WordRole.Other, fonts.Display(heldOut, random.Next()), h * 0.085f, w / 2f, y, border, maxWidth: w * 0.8f);
        card.Line("This certificate is awarded to", WordRole.Other, fonts.Serif(heldOut, random.Next()), h * 0.04f, w / 2f, y + (h * 0.12f), Ink, maxWidth: w * 0.8f);
        var nameWords = full ? new[] { (first, WordRole.Name), (SceneWords.LastNameOf(first), WordRole.Name) } : [(first, WordRole.Name)];
        card.Line(nameWords, fonts.Display(heldOut, random.Next()), h * (float)SceneRenderer.U(random, 0.09, 0.12), w / 2f, y + (h * 0.32f), Ink, maxWidth: w * 0.8f);
        card.Line(Pick(SceneWords.AwardReasons), WordRole.Other, fonts.Serif(heldOut, random.Next()), h * 0.045f, w / 2f, y + (h * 0.45f), Ink, maxWidth: w * 0.8f);
        card.Line($"Year {random.Next(1, 7)}", WordRole.Other, fonts.Serif(heldOut, random.Next()), h * 0.04f, w * 0.28f, y + (h * 0.6f), Ink);
        card.Line("Mrs Patel", WordRole.Other, fonts.Display(heldOut, 4), h * 0.045f, w * 0.72f, y + (h * 0.6f), Ink);
        return card;
    }

    /// <summary>A name badge (86 × 54 mm): a coloured band with the school's name, the first name large, sometimes the class.</summary>
    public Card Badge()
    {
        var card = new Card(860, 540, SKColors.White, withWords);
        var band = Bright();
        using (var paint = new SKPaint { Color = band })
        {
            card.Canvas.DrawRect(0, 0, 860, 130, paint);
        }
        card.Line("Mersham Primary", WordRole.Other, fonts.Sans(heldOut, random.Next()), 70, 430, 95, SKColors.White, maxWidth: 780);
        var first = FirstName();
        var nameWords = random.NextDouble() < 0.3 ? new[] { (first, WordRole.Name), (SceneWords.LastNameOf(first), WordRole.Name) } : [(first, WordRole.Name)];
        card.Line(nameWords, fonts.Sans(heldOut, random.Next()), (float)SceneRenderer.U(random, 150, 185), 430, 340, Ink, maxWidth: 780);
        if (random.NextDouble() < 0.6)
        {
            card.Line($"Year {random.Next(1, 7)}", WordRole.Other, fonts.Sans(heldOut, random.Next()), 70, 430, 470, band);
        }
        return card;
    }

    /// <summary>A printed shirt: a surname and a number, as on the back of a team shirt or a leavers' hoodie.</summary>
    public Card Shirt(out float aspect)
    {
        aspect = 1.1f;
        var card = new Card(1100, 1000, Bright(), withWords);
        var first = FirstName();
        var print = random.NextDouble() < 0.5 ? SceneWords.LastNameOf(first).ToUpperInvariant() : first.ToUpperInvariant();
        card.Line([(print, WordRole.Name)], fonts.Sans(heldOut, random.Next()), 190, 550, 300, SKColors.White, maxWidth: 950);
        card.Line(random.Next(2, 24).ToString(System.Globalization.CultureInfo.InvariantCulture), WordRole.Other, fonts.Sans(heldOut, random.Next()), 420, 550, 750, SKColors.White);
        return card;
    }

    /// <summary>A classroom display: a title and pieces of work, each with its author's first name on a card above it.</summary>
    public Card DisplayBoard(out float aspect)
    {
        aspect = 1.6f;
        var (w, h) = (2400, 1500);
        var card = new Card(w, h, Bright(), withWords);
        card.Line(Pick(SceneWords.BoardTitles), WordRole.Other, fonts.Classroom(heldOut, random.Next()), 150, w / 2f, 190, SKColors.White, maxWidth: w * 0.85f);
        var columns = random.Next(3, 6);
        var rows = 2;
        var cellW = w * 0.9f / columns;
        var cellH = (h - 320) / (float)rows;
        var nameSize = (float)(w / SceneRenderer.U(random, 38, 52));
        using var paper = new SKPaint { Color = SKColors.White };
        using var scribble = new SKPaint { Color = new SKColor(90, 90, 120), StrokeWidth = 4, IsAntialias = true };
        var used = new HashSet<string>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var x = (w * 0.05f) + (c * cellW);
                var y = 300 + (r * cellH);
                card.Canvas.DrawRect(x + (cellW * 0.1f), y + (nameSize * 1.6f), cellW * 0.8f, cellH - (nameSize * 2.2f), paper);
                for (var line = y + (nameSize * 2.4f); line < y + cellH - (nameSize * 1.2f); line += nameSize * 0.7f)
                {
                    card.Canvas.DrawLine(x + (cellW * 0.16f), line, x + (cellW * (float)SceneRenderer.U(random, 0.5, 0.84)), line, scribble);
                }
                string name;
                do
                {
                    name = FirstName();
                }
                while (!used.Add(name));
                using (var label = new SKPaint { Color = Pale() })
                {
                    card.Canvas.DrawRect(x + (cellW * 0.2f), y, cellW * 0.6f, nameSize * 1.5f, label);
                }
                card.Line([(name, WordRole.Name)], fonts.Classroom(heldOut, random.Next()), nameSize, x + (cellW / 2), y + (nameSize * 1.1f), Ink, maxWidth: cellW * 0.55f);
            }
        }
        return card;
    }

    /// <summary>The side of a coach or a venue's sign: a company or place, a trip line, a phone number.</summary>
    public Card CoachSign(out float aspect)
    {
        aspect = 2.6f;
        var (w, h) = (2600, 1000);
        var card = new Card(w, h, random.NextDouble() < 0.5 ? SKColors.White : Pale(), withWords);
        var colour = Bright();
        using (var stripe = new SKPaint { Color = colour })
        {
            card.Canvas.DrawRect(0, h * 0.72f, w, h * 0.1f, stripe);
        }
        var place = Pick(SceneWords.Places);
        if (random.NextDouble() < 0.5)
        {
            card.Line(Pick(SceneWords.Companies), WordRole.Other, fonts.Sans(heldOut, random.Next()), h * 0.2f, w / 2f, h * 0.25f, colour, maxWidth: w * 0.85f);
            card.Line([("School", WordRole.Other), ("trip", WordRole.Other), ("to", WordRole.Other), (place, WordRole.Place)], fonts.Sans(heldOut, random.Next()), h * 0.11f, w / 2f, h * 0.43f, Ink, maxWidth: w * 0.85f);
        }
        else
        {
            card.Line([("Welcome", WordRole.Other), ("to", WordRole.Other), (place, WordRole.Place)], fonts.Sans(heldOut, random.Next()), h * 0.18f, w / 2f, h * 0.25f, colour, maxWidth: w * 0.85f);
            card.Line("Outdoor Learning Centre", WordRole.Other, fonts.Sans(heldOut, random.Next()), h * 0.1f, w / 2f, h * 0.43f, Ink, maxWidth: w * 0.85f);
        }
        var phone = SceneWords.Phone(random);
        card.Line([("Tel", WordRole.Other), .. Words(phone, WordRole.Phone)], fonts.Sans(heldOut, random.Next()), h * (float)SceneRenderer.U(random, 0.09, 0.13), w / 2f, h * 0.63f, Ink, maxWidth: w * 0.85f);
        return card;
    }

    /// <summary>A poster on a noticeboard: an event, when, and whom to call or e-mail.</summary>
    public Card Poster(out float aspect)
    {
        aspect = 0.71f;
        var (w, h) = (1131, 1600);
        var card = new Card(w, h, Pale(), withWords);
        var colour = Bright();
        card.Line(Pick(["Summer Fair", "Bake Sale", "Sports Day", "Book Swap", "Quiz Night"]), WordRole.Other, fonts.Classroom(heldOut, random.Next()), w * 0.14f, w / 2f, h * 0.16f, colour, maxWidth: w * 0.85f);
        card.Line(Pick(["Saturday 14th June", "Friday 3rd July", "Wednesday 21st May"]), WordRole.Other, fonts.Sans(heldOut, random.Next()), w * 0.065f, w / 2f, h * 0.3f, Ink, maxWidth: w * 0.85f);
        card.Line("Everyone welcome", WordRole.Other, fonts.Sans(heldOut, random.Next()), w * 0.06f, w / 2f, h * 0.4f, Ink, maxWidth: w * 0.85f);
        var phone = SceneWords.Phone(random);
        card.Line([("Call", WordRole.Other), .. Words(phone, WordRole.Phone)], fonts.Sans(heldOut, random.Next()), w * (float)SceneRenderer.U(random, 0.06, 0.085), w / 2f, h * 0.62f, Ink, maxWidth: w * 0.85f);
        var first = FirstName().ToLowerInvariant();
        card.Line([("or", WordRole.Other), ($"{first}.{SceneWords.LastNameOf(FirstName()).ToLowerInvariant()}@gmail.com", WordRole.Email)], fonts.Sans(heldOut, random.Next()), w * 0.05f, w / 2f, h * 0.72f, Ink, maxWidth: w * 0.85f);
        return card;
    }
}
