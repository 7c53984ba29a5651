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

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}
