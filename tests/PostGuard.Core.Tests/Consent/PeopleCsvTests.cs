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

    [Fact]
    public void A_file_of_exactly_the_row_limit_is_read_and_one_row_more_is_refused()
    {
        static string Csv(int rows)
        {
            var text = new System.Text.StringBuilder("external_id,first_name,last_name\n");
            for (var i = 1; i <= rows; i++)
            {
                text.Append("P").Append(i).Append(",Ada,Hughes\n");
            }
            return text.ToString();
        }
        Assert.Equal(PeopleCsv.MaxRows, PeopleCsv.Parse(Csv(PeopleCsv.MaxRows)).Count);
        var refused = Assert.Throws<InputValidationException>(() => PeopleCsv.Parse(Csv(PeopleCsv.MaxRows + 1)));
        Assert.Equal("file", Assert.Single(refused.Errors).Field);
        Assert.Contains($"{PeopleCsv.MaxRows}", refused.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_count_once_each_towards_the_row_limit()
    {
        // Three problems in each of a few rows must not make a file of fewer rows than the limit "too long".
        var text = new System.Text.StringBuilder("external_id,first_name,last_name,use,status,given_by\n");
        for (var i = 1; i <= PeopleCsv.MaxRows; i++)
        {
            text.Append(i <= 10 ? ",,,website,maybe," : $"P{i},Ada,Hughes,,,").Append('\n');
        }
        var refused = Assert.Throws<InputValidationException>(() => PeopleCsv.Parse(text.ToString()));
        Assert.DoesNotContain(refused.Errors, e => e.Field == "file");
        Assert.Contains(refused.Errors, e => e.Field == "row 2.external_id");
    }
}
