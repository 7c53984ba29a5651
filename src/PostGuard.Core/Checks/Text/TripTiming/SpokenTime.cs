using PostGuard.Core.Checks.Text.Tokens;

namespace PostGuard.Core.Checks.Text.TripTiming;

/// <summary>
/// Times written in words, as posts about coming home write them: "half four", "half past three",
/// "quarter to four", "four o'clock", "four fifteen", "about four". School hours: 1–6 are afternoon.
/// </summary>
public static class SpokenTime
{
    private static readonly string[] Hours = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    private static readonly Dictionary<string, int> Minutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["five"] = 5, ["ten"] = 10, ["fifteen"] = 15, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
    };

    /// <summary>Reads a spoken time starting at token <paramref name="i"/>; <paramref name="end"/> is its last token.</summary>
    public static TimeOnly? TryRead(TextDocument document, int i, bool bareHourAllowed, out int end)
    {
        end = i - 1;
        var token = document.At(i);
        if (token is null)
        {
            return null;
        }
        if (token.Is("half") || token.Is("quarter"))
        {
            var offset = token.Is("half") ? 30 : 15;
            var k = i + 1;
            var to = false;
            if (document.IsWordAt(k, "past"))
            {
                k++;
            }
            else if (document.IsWordAt(k, "to") && token.Is("quarter"))
            {
                to = true;
                k++;
            }
            if (HourAt(document, k) is not { } hour)
            {
                return null;
            }
            end = k;
            return to ? Afternoon(hour).AddMinutes(-15) : Afternoon(hour).AddMinutes(offset);
        }
        if (HourAt(document, i) is not { } h)
        {
            return null;
        }
        if (document.At(i + 1) is { } next && (next.Is("o'clock") || next.Word.Equals("o'clock", StringComparison.OrdinalIgnoreCase)))
        {
            end = i + 1;
            return Afternoon(h);
        }
        if (document.At(i + 1) is { } minuteWord && minuteWord.JoinedBySpace && Minutes.TryGetValue(minuteWord.Stem, out var minutes))
        {
            end = i + 1;
            if (document.At(i + 2) is { } units && units.JoinedBySpace && Hours.AsSpan(1, 9).Contains(units.Stem.ToLowerInvariant()) && minutes >= 20)
            {
                minutes += Array.IndexOf(Hours, units.Stem.ToLowerInvariant());
                end = i + 2;
            }
            return Afternoon(h).AddMinutes(minutes);
        }
        if (bareHourAllowed)
        {
            end = i;
            return Afternoon(h);
        }
        return null;
    }

    private static int? HourAt(TextDocument document, int i)
    {
        if (document.At(i) is not { } token)
        {
            return null;
        }
        var index = Array.IndexOf(Hours, token.Stem.ToLowerInvariant());
        return index > 0 ? index : null;
    }

    private static TimeOnly Afternoon(int hour) => new(hour is >= 1 and <= 6 ? hour + 12 : hour % 24, 0);
}
