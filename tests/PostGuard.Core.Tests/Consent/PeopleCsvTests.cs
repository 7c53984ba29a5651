using PostGuard.Core.Consent;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Tests.Consent;

public sealed class PeopleCsvTests
{
    [Fact]
    public void Reads_bom_crlf_quotes_and_accents()
    {
        var csv = "\uFEFFExternal ID,First Name,Last Name,Use,Status,Given By,Signed On\r\n" +
                  "P1,Zoë,Nguyễn,social-media,Not Granted,\"Nguyễn, Mr\",05/09/2026\r\n" +
                  "P2,Seán,O'Brien,,,,\r\n";
        var rows = PeopleCsv.Parse(csv);
        Assert.Equal(2, rows.Count);
        Assert.Equal("Zoë", rows[0].Person.FirstName);
        Assert.Equal("Nguyễn, Mr", rows[0].Consent!.GivenBy);
        Assert.True(ConsentInput.TryParseStatus(rows[0].Consent!.Status, out var status) && status == ConsentStatus.Refused);
        Assert.Equal(new DateOnly(2026, 9, 5), rows[0].Consent!.SignedOn);
        Assert.Null(rows[1].Consent);
        Assert.Equal("O'Brien", rows[1].Person.LastName);
    }

    [Fact]
    public void Every_bad_row_and_column_is_reported()
    {
        var csv = "external_id,first_name,last_name,use,status,given_by,valid_until\n" +
                  ",Ruby,Evans,website,granted,Mrs Evans,\n" +
                  "P2,Noah,,website,granted,Mr Smith,31/02/2027\n" +
                  "P3,Ava,Jones,website,,Mr Jones,\n" +
                  "P3,Ava,Jones,website,granted,Mr Jones,\n";
        var error = Assert.Throws<InputValidationException>(() => PeopleCsv.Parse(csv));
        var fields = error.Errors.Select(e => e.Field).ToList();
        Assert.Contains("row 2.external_id", fields);
        Assert.Contains("row 3.last_name", fields);
        Assert.Contains("row 3.valid_until", fields);
        Assert.Contains("row 4.status", fields);
        Assert.Contains("row 5.external_id", fields);
    }

    [Fact]
    public void Missing_or_unknown_columns_are_refused_before_any_row()
    {
        var error = Assert.Throws<InputValidationException>(() => PeopleCsv.Parse("id,first_name,surname\n1,A,B\n"));
        Assert.Contains(error.Errors, e => e.Field == "header.external_id");
        Assert.Contains(error.Errors, e => e.Field == "header.surname");
        Assert.Throws<InputValidationException>(() => PeopleCsv.Parse(""));
        Assert.Throws<InputValidationException>(() => PeopleCsv.Parse("external_id,first_name,last_name\n"));
    }
}
