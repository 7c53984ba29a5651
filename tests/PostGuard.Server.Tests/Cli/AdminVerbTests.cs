using Dapper;
using Microsoft.Data.Sqlite;

namespace PostGuard.Server.Tests.Cli;

/// <summary>migrate and admin verbs against the embedded SQLite database in a data directory.</summary>
public sealed class AdminVerbTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("postguard-admin-").FullName;

    [Fact]
    public async Task Add_school_and_user_print_a_token_once_and_store_only_its_hash()
    {
        Assert.Equal(0, (await ServerProcess.RunAsync(_dir, "migrate")).ExitCode);
        var school = await ServerProcess.RunAsync(_dir, "admin", "add-school", "--id", "mersham", "--name", "Mersham Primary", "--policy", "consent-based", "--channels", "instagram,linkedin");
        Assert.True(school.ExitCode == 0, school.StdErr);
        Assert.Contains("instagram, linkedin", school.StdOut);

        var user = await ServerProcess.RunAsync(_dir, "admin", "add-user", "--school", "mersham", "--email", "Deputy@Mersham.sch.uk", "--role", "uploader");
        Assert.True(user.ExitCode == 0, user.StdErr);
        var token = user.StdOut.Trim();
        Assert.StartsWith("pg_", token);
        Assert.DoesNotContain('\n', token);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "postguard.db")}");
        var stored = await connection.QuerySingleAsync<(string Email, string Role, string TokenHash)>("SELECT email, role, token_hash FROM users");
        Assert.Equal("deputy@mersham.sch.uk", stored.Email);
        Assert.Equal("uploader", stored.Role);
        Assert.NotEqual(token, stored.TokenHash);
        Assert.DoesNotContain(token, await File.ReadAllTextAsync(Path.Combine(_dir, "postguard.db"), System.Text.Encoding.Latin1));
    }

    [Fact]
    public async Task Bad_arguments_exit_3_and_change_nothing()
    {
        var policy = await ServerProcess.RunAsync(_dir, "admin", "add-school", "--id", "x1", "--name", "X", "--policy", "relaxed");
        Assert.Equal(3, policy.ExitCode);
        Assert.Contains("--policy", policy.StdErr);

        var channel = await ServerProcess.RunAsync(_dir, "admin", "add-school", "--id", "x1", "--name", "X", "--policy", "strict", "--channels", "tiktok");
        Assert.Equal(3, channel.ExitCode);
        Assert.Contains("channels[0]", channel.StdErr);

        var role = await ServerProcess.RunAsync(_dir, "admin", "add-user", "--school", "x1", "--email", "a@b.org", "--role", "headteacher");
        Assert.Equal(3, role.ExitCode);
        Assert.Contains("--role", role.StdErr);

        var school = await ServerProcess.RunAsync(_dir, "admin", "add-user", "--school", "nowhere", "--email", "a@b.org", "--role", "approver");
        Assert.Equal(3, school.ExitCode);
        Assert.Contains("no school 'nowhere'", school.StdErr);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "postguard.db")}");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM schools"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    [Fact]
    public async Task Import_people_is_all_or_nothing()
    {
        Assert.Equal(0, (await ServerProcess.RunAsync(_dir, "admin", "add-school", "--id", "mersham", "--name", "Mersham", "--policy", "consent-based")).ExitCode);
        var good = Path.Combine(_dir, "good.csv");
        await File.WriteAllTextAsync(good, "\uFEFFexternal_id,first_name,last_name,use,status,given_by\r\nP1,Amelia,Hughes,social-media,granted,Mrs Hughes\r\nP2,Zoë,Nguyễn,,,\r\n");
        var imported = await ServerProcess.RunAsync(_dir, "admin", "import-people", "--school", "mersham", good);
        Assert.True(imported.ExitCode == 0, imported.StdErr);
        Assert.Contains("2 people added", imported.StdOut);
        Assert.Contains("1 consent record(s)", imported.StdOut);

        var bad = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(bad, "external_id,first_name,last_name,use,status,given_by\nP3,Noah,Smith,social-media,granted,Mr Smith\nP4,,Khan,social-media,perhaps,Mr Khan\n");
        var rejected = await ServerProcess.RunAsync(_dir, "admin", "import-people", bad, "--school", "mersham");
        Assert.Equal(3, rejected.ExitCode);
        Assert.Contains("row 3.first_name", rejected.StdErr);
        Assert.Contains("row 3.status", rejected.StdErr);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "postguard.db")}");
        Assert.Equal(2, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM people"));
        Assert.Equal("Zoë", await connection.ExecuteScalarAsync<string>("SELECT first_name FROM people WHERE external_id = 'P2'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
