using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Checks.Text.TripTiming;

namespace PostGuard.Core.Tests.Checks.Text;

/// <summary>The en-GB temporal parser, resolved against Friday 12 June 2026, 10:00 local.</summary>
public sealed class TemporalExpressionParserTests
{
    private static readonly DateTime Friday = new(2026, 6, 12, 10, 0, 0);

    private static TemporalMention Single(string text) => Assert.Single(TemporalExpressionParser.Parse(TextDocument.Parse(text), Friday));

    [Theory]
    [InlineData("We go tomorrow.", 2026, 6, 13)]
    [InlineData("We go on Friday.", 2026, 6, 12)]
    [InlineData("We go on Monday.", 2026, 6, 15)]
    [InlineData("We go next Tuesday.", 2026, 6, 16)]
    [InlineData("We go this Thursday.", 2026, 6, 18)]
    [InlineData("We go this weekend.", 2026, 6, 14)]
    [InlineData("We go next week.", 2026, 6, 19)]
    [InlineData("We go on 12th June.", 2026, 6, 12)]
    [InlineData("We go on June 20th.", 2026, 6, 20)]
    [InlineData("We go on the 3rd of July.", 2026, 7, 3)]
    [InlineData("We go on 12/06.", 2026, 6, 12)]
    [InlineData("We go on 12 June 2027.", 2027, 6, 12)]
    [InlineData("We go on 4/1/27.", 2027, 1, 4)]
    [InlineData("We go on 2nd September.", 2026, 9, 2)]
    public void Days_resolve_against_the_publish_date(string text, int year, int month, int day)
    {
        var mention = Single(text);
        Assert.Equal(new DateOnly(year, month, day), mention.LastDay);
    }

    [Theory]
    [InlineData("We go this week.", 2026, 6, 19)]
    [InlineData("We go next week.", 2026, 6, 19)]
    [InlineData("We go this weekend.", 2026, 6, 14)]
    [InlineData("We go next weekend.", 2026, 6, 21)]
    public void At_the_weekend_this_week_and_next_week_mean_the_coming_school_week(string text, int year, int month, int day)
    {
        var saturday = new DateTime(2026, 6, 13, 10, 0, 0);
        var mention = Assert.Single(TemporalExpressionParser.Parse(TextDocument.Parse(text), saturday));
        Assert.Equal(new DateOnly(year, month, day), mention.LastDay);
    }

    [Theory]
    [InlineData("Yesterday was great.")]
    [InlineData("Last Friday was great.")]
    [InlineData("Two weeks ago we went.")]
    public void Past_expressions_are_past(string text)
    {
        Assert.Equal(TemporalKind.Past, Single(text).Kind);
    }

    [Theory]
    [InlineData("We are currently out.")]
    [InlineData("Right now the sun is out.")]
    [InlineData("We're on our way!")]
    [InlineData("We're heading to the coast.")]
    public void Present_expressions_are_now(string text)
    {
        Assert.Equal(TemporalKind.Now, Single(text).Kind);
    }

    [Theory]
    [InlineData("We will be back at 3:30.", 15, 30)]
    [InlineData("Home by 4pm.", 16, 0)]
    [InlineData("Back at 3.15pm.", 15, 15)]
    [InlineData("We return at 11am.", 11, 0)]
    public void End_times_are_read_as_school_hours(string text, int hour, int minute)
    {
        Assert.Contains(TemporalExpressionParser.Parse(TextDocument.Parse(text), Friday), m => m.EndsAt == new TimeOnly(hour, minute));
    }

    [Theory]
    [InlineData("It costs £5.")]
    [InlineData("We scored 12 goals in 3 matches.")]
    [InlineData("May half term.")]
    [InlineData("Year 6 have 30 pupils.")]
    public void Numbers_that_are_not_dates_are_ignored(string text)
    {
        Assert.Empty(TemporalExpressionParser.Parse(TextDocument.Parse(text), Friday));
    }
}
