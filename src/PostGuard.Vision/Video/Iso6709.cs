using System.Globalization;
using System.Text.RegularExpressions;

namespace PostGuard.Vision.Video;

/// <summary>
/// Reads a position in ISO 6709 form, as phones write it into clips: QuickTime <c>©xyz</c> and
/// <c>com.apple.quicktime.location.ISO6709</c>, e.g. <c>+51.5072-000.1276+011.000/</c>. Degrees may also be written
/// as degrees and minutes (<c>+5130.43</c>) or degrees, minutes and seconds (<c>+513026</c>), told apart by the
/// number of integer digits, as the standard says.
/// </summary>
public static partial class Iso6709
{
    [GeneratedRegex(@"^\s*(?<ls>[+-])(?<li>\d{6}|\d{4}|\d{2})(?<lf>\.\d{1,12})?(?<os>[+-])(?<oi>\d{7}|\d{5}|\d{3})(?<of>\.\d{1,12})?(?=[+-/]|CRS|$)", RegexOptions.CultureInvariant, 100)]
    private static partial Regex Position();

    /// <summary>Latitude and longitude in degrees, or null when the text is not an ISO 6709 position or is out of range.</summary>
    public static (double Latitude, double Longitude)? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 200)
        {
            return null;
        }
        Match match;
        try
        {
            match = Position().Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
        if (!match.Success)
        {
            return null;
        }
        var latitude = Degrees(match.Groups["li"].Value, match.Groups["lf"].Value, 2);
        var longitude = Degrees(match.Groups["oi"].Value, match.Groups["of"].Value, 3);
        if (latitude is null || longitude is null)
        {
            return null;
        }
        var lat = match.Groups["ls"].Value == "-" ? -latitude.Value : latitude.Value;
        var lon = match.Groups["os"].Value == "-" ? -longitude.Value : longitude.Value;
        if (Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
        {
            return null;
        }
        return (lat, lon);
    }

    private static double? Degrees(string integer, string fraction, int degreeDigits)
    {
        var f = fraction.Length == 0 ? 0 : double.Parse("0" + fraction, CultureInfo.InvariantCulture);
        var degrees = int.Parse(integer[..degreeDigits], CultureInfo.InvariantCulture);
        var rest = integer[degreeDigits..];
        switch (rest.Length)
        {
            case 0:
                return degrees + f;
            case 2:
                var minutes = int.Parse(rest, CultureInfo.InvariantCulture) + f;
                return minutes >= 60 ? null : degrees + (minutes / 60);
            default:
                var wholeMinutes = int.Parse(rest[..2], CultureInfo.InvariantCulture);
                var seconds = int.Parse(rest[2..], CultureInfo.InvariantCulture) + f;
                return wholeMinutes >= 60 || seconds >= 60 ? null : degrees + (wholeMinutes / 60.0) + (seconds / 3600);
        }
    }
}
