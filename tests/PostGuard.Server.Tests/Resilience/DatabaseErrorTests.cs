using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Resilience;

/// <summary>
/// A database that answers with an error is not an unavailable database: the API says 500 with a
/// trace id to quote (and logs the details), never 503 "try again", which would send clients into a
/// retry loop against a fault that retrying cannot fix. Unavailability keeps its 503 (DatabaseOutageTests).
/// </summary>
public sealed class DatabaseErrorTests
{
    [Fact]
    public async Task A_failing_statement_on_sqlite_is_a_500_with_a_trace_id()
    {
        using var factory = new PostGuardFactory(Backend.SqliteInMemory());
        var school = await TestSchool.CreateAsync(factory);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(factory.DataDir, "postguard.db")}"))
        {
            await connection.ExecuteAsync(
                "CREATE TRIGGER refuse_explode BEFORE INSERT ON people WHEN NEW.first_name = 'Explode' BEGIN SELECT RAISE(ABORT, 'secret-internal-detail'); END;");
        }
        await AssertInternalErrorAsync(school);
    }

    [PostgresRabbitFact]
    public async Task A_failing_statement_on_postgres_is_a_500_with_a_trace_id()
    {
        var backend = Backend.PostgresRabbitMq($"postguard_dberror_{Guid.NewGuid():N}"[..30]);
        using var factory = new PostGuardFactory(backend, new Dictionary<string, string?> { ["Messaging:Transport"] = "InMemory" });
        var school = await TestSchool.CreateAsync(factory);
        await using (var connection = new NpgsqlConnection(backend.Settings["Database:ConnectionString"]))
        {
            await connection.ExecuteAsync("""
                CREATE FUNCTION refuse_explode() RETURNS trigger AS $$
                BEGIN IF NEW.first_name = 'Explode' THEN RAISE EXCEPTION 'secret-internal-detail'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER refuse_explode BEFORE INSERT ON people FOR EACH ROW EXECUTE FUNCTION refuse_explode();
                """);
        }
        await AssertInternalErrorAsync(school);
    }

    private static async Task AssertInternalErrorAsync(TestSchool school)
    {
        using var response = await school.ConsentAdmin.PostAsJsonAsync("/api/v1/people", new { firstName = "Explode", lastName = "Hughes" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.RetryAfter);
        var problem = JsonNode.Parse(body)!;
        Assert.False(string.IsNullOrWhiteSpace((string?)problem["traceId"]), body);
        Assert.DoesNotContain("secret-internal-detail", body, StringComparison.Ordinal);

        // Nothing was stored, and the next request is served normally.
        var people = await school.ConsentAdmin.GetFromJsonAsync<JsonNode>("/api/v1/people");
        Assert.Empty(people!["people"]!.AsArray());
    }
}
