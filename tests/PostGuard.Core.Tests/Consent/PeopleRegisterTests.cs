using PostGuard.Core.Consent;
using PostGuard.Core.People;

namespace PostGuard.Core.Tests.Consent;

public sealed class PeopleRegisterTests
{
    private static readonly Person Amelia = new(Guid.NewGuid(), PersonKind.Pupil, "Amelia", "Hughes");

    private static ConsentRecord Record(string use, ConsentStatus status, string from, string? until, int minute, long sequence = 0) => new()
    {
        Id = Guid.NewGuid(),
        PersonId = Amelia.Id,
        Use = use,
        Status = status,
        GivenBy = "Mrs Hughes",
        ValidFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        ValidUntil = until is null ? null : DateOnly.Parse(until, System.Globalization.CultureInfo.InvariantCulture),
        RecordedAt = new DateTimeOffset(2026, 9, 1, 8, minute, 0, TimeSpan.Zero),
        RecordedBy = "office",
        Sequence = sequence,
    };

    private static DateOnly Day(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Consent_is_per_use_and_dated()
    {
        var register = new PeopleRegister([Amelia], [Record(ConsentUses.Website, ConsentStatus.Granted, "2026-09-01", "2027-08-31", 0)]);
        Assert.True(register.HasValidConsent(Amelia, ["website"], Day("2026-11-21")));
        Assert.False(register.HasValidConsent(Amelia, ["instagram"], Day("2026-11-21")));
        Assert.False(register.HasValidConsent(Amelia, ["website"], Day("2027-09-01")));
        Assert.False(register.HasValidConsent(Amelia, ["website"], Day("2026-08-31")));
        Assert.Contains("no social-media consent", register.MissingConsent(Amelia, ["facebook", "website"], Day("2026-11-21")).Single().Why);
    }

    [Fact]
    public void A_later_withdrawal_wins_and_a_later_grant_restores()
    {
        var granted = Record(ConsentUses.SocialMedia, ConsentStatus.Granted, "2026-09-01", "2027-08-31", 0);
        var withdrawn = Record(ConsentUses.SocialMedia, ConsentStatus.Withdrawn, "2026-11-20", null, 5);
        var register = new PeopleRegister([Amelia], [granted, withdrawn]);
        Assert.True(register.HasValidConsent(Amelia, ["instagram"], Day("2026-11-19"))); // before the withdrawal's date
        Assert.False(register.HasValidConsent(Amelia, ["instagram"], Day("2026-11-21")));
        Assert.Contains("withdrawn by Mrs Hughes", register.MissingConsent(Amelia, ["instagram"], Day("2026-11-21")).Single().Why);

        var regranted = Record(ConsentUses.SocialMedia, ConsentStatus.Granted, "2026-12-01", "2027-08-31", 9);
        register = new PeopleRegister([Amelia], [granted, withdrawn, regranted]);
        Assert.True(register.HasValidConsent(Amelia, ["instagram"], Day("2026-12-02")));
        Assert.Equal(3, register.History(Amelia.Id).Count);
    }

    [Fact]
    public void Records_written_in_the_same_instant_are_ordered_by_sequence()
    {
        var first = Record(ConsentUses.SocialMedia, ConsentStatus.Granted, "2026-09-01", null, 0, sequence: 1);
        var second = Record(ConsentUses.SocialMedia, ConsentStatus.Refused, "2026-09-01", null, 0, sequence: 2);
        Assert.Equal(ConsentStatus.Refused, new PeopleRegister([Amelia], [second, first]).ValidRecord(Amelia.Id, ConsentUses.SocialMedia, Day("2026-10-01"))!.Status);
    }
}
