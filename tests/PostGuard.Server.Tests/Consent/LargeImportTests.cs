using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Server.Tests.Production;
using Xunit.Abstractions;

namespace PostGuard.Server.Tests.Consent;

/// <summary>
/// A full register export of 20,000 rows: imported whole or not at all, a withdrawal in it flags only the
/// drafts that tag that person, and while it is being imported another school's submissions are not held
/// up behind it (measured and reported, on the real server process; SQLite and PostgreSQL).
/// </summary>
public sealed class LargeImportTests(ITestOutputHelper output)
{
    /// <summary>10,000 pupils with two uses each; P00042's social-media consent withdrawn, P00043's refused.</summary>
    public static string RegisterCsv(int people = 10_000)
    {
        var csv = new StringBuilder("external_id,kind,first_name,last_name,year_group,use,status,given_by,evidence,signed_on,valid_from,valid_until\n");
        for (var i = 1; i <= people; i++)
        {
            var id = $"P{i:D5}";
            var status = i switch { 42 => "withdrawn", 43 => "refused", _ => "granted" };
            csv.Append(CultureInvariant($"{id},pupil,Pupil{i},Family{i % 997},Year {1 + (i % 6)},social-media,{status},Parent of {id},Form {i},2026-09-05,2026-09-01,2027-08-31\n"));
            csv.Append(CultureInvariant($"{id},pupil,Pupil{i},Family{i % 997},Year {1 + (i % 6)},website,granted,Parent of {id},Form {i},2026-09-05,2026-09-01,2027-08-31\n"));
        }
        return csv.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    [Fact]
    public async Task A_20000_row_import_is_all_or_nothing_and_flags_only_drafts_tagging_a_withdrawn_person()
    {
        using var factory = new PostGuardFactory(Backend.SqliteInMemory());
        var school = await TestSchool.CreateAsync(factory);
        // First the pupils as they were (with consent), and two drafts: one tagging P00042, one nobody.
        var first = await ImportAsync(school.ConsentAdmin, "external_id,first_name,last_name,use,status,given_by,evidence,signed_on,valid_from,valid_until\n" +
            "P00042,Pupil42,Family42,social-media,granted,Parent of P00042,Form 42,2026-09-05,2026-09-01,2027-08-31\n" +
            "P00044,Pupil44,Family44,social-media,granted,Parent of P00044,Form 44,2026-09-05,2026-09-01,2027-08-31\n");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var people = (await school.Uploader.GetFromJsonAsync<JsonNode>("/api/v1/people"))!["people"]!.AsArray();
        var p42 = (string)people.Single(p => (string?)p!["externalId"] == "P00042")!["id"]!;
        var p44 = (string)people.Single(p => (string?)p!["externalId"] == "P00044")!["id"]!;
        var photo = await File.ReadAllBytesAsync(TestPhotos.ThreeFacesNoGps());
        var tagging42 = await DraftApi.SubmitAsync(school.Uploader, new { text = "Science week", channels = new[] { "instagram" }, images = new[] { new { file = "a.png", tags = new[] { p42 } } } }, ("a.png", photo));
        var tagging44 = await DraftApi.SubmitAsync(school.Uploader, new { text = "Science week", channels = new[] { "instagram" }, images = new[] { new { file = "b.png", tags = new[] { p44 } } } }, ("b.png", photo));
        await DraftApi.WaitForDecisionAsync(school.Uploader, tagging42);
        await DraftApi.WaitForDecisionAsync(school.Uploader, tagging44);

        // A write that fails part-way (here a trigger refusing one pupil's row) leaves nothing behind.
        var database = Path.Combine(factory.DataDir, "postguard.db");
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.ExecuteAsync("CREATE TRIGGER refuse_one BEFORE INSERT ON people WHEN NEW.external_id = 'P09999' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;");
        }
        var before = await CountsAsync(database, school.Id);
        var failed = await ImportAsync(school.ConsentAdmin, RegisterCsv());
        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(before, await CountsAsync(database, school.Id));
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.ExecuteAsync("DROP TRIGGER refuse_one");
        }

        var imported = await ImportAsync(school.ConsentAdmin, RegisterCsv());
        Assert.Equal(HttpStatusCode.OK, imported.Status);
        Assert.Equal(20_000, (int)imported.Body!["rows"]!);
        Assert.Equal(9_998, (int)imported.Body["peopleAdded"]!);
        Assert.Equal(2, (int)imported.Body["peopleUpdated"]!); // names and year groups of the two already there
        Assert.Equal(19_999, (int)imported.Body["consentsRecorded"]!); // P00044's social-media consent is already on record
        Assert.Equal([tagging42.ToString()], imported.Body["draftsFlagged"]!.AsArray().Select(d => (string)d!));
        var after = await CountsAsync(database, school.Id);
        Assert.Equal(before.People + 9_998, after.People);
        Assert.Equal(before.Consents + 19_999, after.Consents);
        Assert.Equal(before.AuditEvents + 9_998 + 2 + 19_999 + 1 + 1, after.AuditEvents); // added, updated, recorded, the takedown block, the import itself
        Assert.Equal("Block", (string?)(await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{tagging42}"))!["decision"]);
        Assert.NotEqual("Block", (string?)(await school.Approver.GetFromJsonAsync<JsonNode>($"/api/v1/drafts/{tagging44}"))!["decision"]);

        var again = await ImportAsync(school.ConsentAdmin, RegisterCsv());
        Assert.Equal(0, (int)again.Body!["peopleAdded"]!);
        Assert.Equal(0, (int)again.Body["consentsRecorded"]!);
    }

    [Fact]
    public async Task The_import_verb_refuses_a_file_beyond_the_csv_limit_before_reading_it()
    {
        var dir = Directory.CreateTempSubdirectory("postguard-import-limit-").FullName;
        try
        {
            Assert.Equal(0, (await Cli.ServerProcess.RunAsync(dir, "admin", "add-school", "--id", "mersham", "--name", "Mersham", "--policy", "consent-based")).ExitCode);
            var file = Path.Combine(dir, "huge.csv");
            await File.WriteAllTextAsync(file, "external_id,first_name,last_name\nP1,Ada," + new string('a', 9 * 1024 * 1024) + "\n");
            var refused = await Cli.ServerProcess.RunAsync(dir, "admin", "import-people", "--school", "mersham", file);
            Assert.Equal(3, refused.ExitCode);
            Assert.Contains("the limit is 8388608 (BodyLimits:CsvBytes)", refused.StdErr, StringComparison.Ordinal);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Another_schools_submissions_during_a_20000_row_import_on_sqlite()
    {
        await using var server = await StandaloneServer.StartAsync(new Dictionary<string, string> { ["RateLimits__SubmissionsPerMinute"] = "10000" });
        var importing = await server.AddSchoolAsync("importing");
        var other = await server.AddSchoolAsync("other");
        var line = await MeasureAsync("SQLite", server.BaseAddress, importing[Roles.ConsentAdmin], other[Roles.Uploader]);
        LoadAndFaultTests.Report(output, line);
    }

    [PostgresRabbitFact]
    public async Task Another_schools_submissions_during_a_20000_row_import_on_postgres()
    {
        await using var cluster = await ServerCluster.StartAsync(1);
        var tokens = new Dictionary<string, Dictionary<string, string>>();
        foreach (var school in new[] { "importing", "other" })
        {
            Assert.Equal(0, (await cluster.RunVerbAsync("admin", "add-school", "--id", school, "--name", school, "--policy", "consent-based", "--channels", "instagram")).ExitCode);
            tokens[school] = [];
            foreach (var role in new[] { Roles.ConsentAdmin, Roles.Uploader })
            {
                var user = await cluster.RunVerbAsync("admin", "add-user", "--school", school, "--email", $"{role}@{school}.sch.uk", "--role", role);
                Assert.True(user.ExitCode == 0, user.StdErr);
                tokens[school][role] = user.StdOut.Trim();
            }
        }
        var line = await MeasureAsync("PostgreSQL", cluster.BaseAddress, tokens["importing"][Roles.ConsentAdmin], tokens["other"][Roles.Uploader]);
        LoadAndFaultTests.Report(output, line);
        await cluster.StopAsync();
    }

    /// <summary>
    /// One school imports 20,000 rows while another submits a text draft every 100 ms until the import is
    /// done; returns a report line with the import's time and the submissions' latency during it.
    /// </summary>
    private static async Task<string> MeasureAsync(string backend, Uri address, string consentAdminToken, string uploaderToken)
    {
        using var importer = Client(address, consentAdminToken);
        using var submitter = Client(address, uploaderToken);
        var csv = RegisterCsv();
        var latencies = new List<double>();
        var importWatch = Stopwatch.StartNew();
        var import = Task.Run(async () =>
        {
            using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
            using var response = await importer.PostAsync("/api/v1/people/import", content);
            importWatch.Stop();
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        });
        var accepted = 0;
        while (!import.IsCompleted)
        {
            var watch = Stopwatch.StartNew();
            using var response = await submitter.PostAsync("/api/v1/drafts", DraftApi.Multipart(new { text = "Sports day was a great success", channels = new[] { "instagram" } }));
            watch.Stop();
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            accepted++;
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(100);
        }
        var (status, body) = await import;
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(20_000, (int)JsonNode.Parse(body)!["rows"]!);
        var sorted = latencies.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Floor(q * sorted.Count))];
        return FormattableString.Invariant(
            $"CSV import of 20,000 rows on {backend}: {importWatch.Elapsed.TotalSeconds:F1} s; another school's {accepted} submissions meanwhile: p50 {At(0.5):F0} ms, p95 {At(0.95):F0} ms, max {sorted[^1]:F0} ms");
    }

    private static HttpClient Client(Uri address, string token)
    {
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Body)> ImportAsync(HttpClient client, string csv)
    {
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync("/api/v1/people/import", content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    private static async Task<(long People, long Consents, long AuditEvents)> CountsAsync(string database, string schoolId)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        return (
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM people WHERE school_id = @schoolId", new { schoolId }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM consent_records WHERE school_id = @schoolId", new { schoolId }),
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_events WHERE school_id = @schoolId", new { schoolId }));
    }
}
