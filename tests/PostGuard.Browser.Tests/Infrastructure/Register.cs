namespace PostGuard.Browser.Tests.Infrastructure;

/// <summary>A small people register as the MIS exports it: two pupils with social-media consent, one whose parents refused.</summary>
public static class Register
{
    public const string Csv = """
        external_id,kind,first_name,last_name,known_as,year_group,use,status,given_by,evidence,signed_on,valid_from,valid_until
        P001,pupil,Amelia,Hughes,,Year 4,social-media,granted,Mrs Hughes,Form 2026-17,2026-09-05,2026-09-01,2027-08-31
        P002,pupil,Oliver,Smith,,Year 4,social-media,granted,Mr Smith,Form 2026-18,2026-09-05,2026-09-01,2027-08-31
        P003,pupil,Liam,O'Brien,,Year 4,social-media,refused,Ms O'Brien,Form 2026-19,2026-09-06,2026-09-01,2027-08-31
        """;
}
