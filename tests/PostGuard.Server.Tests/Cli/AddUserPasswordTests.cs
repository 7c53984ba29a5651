using System.Diagnostics;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Tests.Cli;

/// <summary>admin add-user --password-stdin: a password for the web pages, read from standard input and stored only as a hash.</summary>
public sealed class AddUserPasswordTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("postguard-password-").FullName;

    [Fact]
    public async Task The_password_from_standard_input_is_stored_as_a_verifiable_hash_only()
    {
        Assert.Equal(0, (await ServerProcess.RunAsync(_dir, "admin", "add-school", "--id", "mersham", "--name", "Mersham", "--policy", "consent-based")).ExitCode);
        var added = await RunWithInputAsync("correct-horse-battery\n", "admin", "add-user", "--school", "mersham", "--email", "head@mersham.sch.uk", "--role", "approver", "--password-stdin");
        Assert.True(added.ExitCode == 0, added.StdErr);
        Assert.StartsWith("pg_", added.StdOut.Trim());
        Assert.Contains("with a password for the web pages", added.StdErr);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "postguard.db")}");
        var hash = await connection.QuerySingleAsync<string>("SELECT password_hash FROM users WHERE email = 'head@mersham.sch.uk'");
        var user = new StaffUser(Guid.Empty, "mersham", "head@mersham.sch.uk", Roles.Approver);
        Assert.NotEqual(PasswordVerificationResult.Failed, new PasswordHasher<StaffUser>().VerifyHashedPassword(user, hash, "correct-horse-battery"));
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<StaffUser>().VerifyHashedPassword(user, hash, "correct-horse-batterY"));
        Assert.DoesNotContain("correct-horse-battery", await File.ReadAllTextAsync(Path.Combine(_dir, "postguard.db"), System.Text.Encoding.Latin1));

        // Without the flag the user has an API token only, and no password that could sign in.
        Assert.Equal(0, (await ServerProcess.RunAsync(_dir, "admin", "add-user", "--school", "mersham", "--email", "api@mersham.sch.uk", "--role", "uploader")).ExitCode);
        Assert.Null(await connection.QuerySingleAsync<string?>("SELECT password_hash FROM users WHERE email = 'api@mersham.sch.uk'"));
    }

    [Fact]
    public async Task A_short_password_is_refused_and_adds_nobody()
    {
        Assert.Equal(0, (await ServerProcess.RunAsync(_dir, "admin", "add-school", "--id", "mersham", "--name", "Mersham", "--policy", "consent-based")).ExitCode);
        var refused = await RunWithInputAsync("short\n", "admin", "add-user", "--school", "mersham", "--email", "head@mersham.sch.uk", "--role", "approver", "--password-stdin");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("--password-stdin: a password needs at least 10 characters", refused.StdErr);
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir, "postguard.db")}");
        Assert.Equal(0, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users"));
    }

    private Task<ServerProcess.Result> RunWithInputAsync(string input, params string[] args) =>
        ServerProcess.RunWithInputAsync(_dir, new Dictionary<string, string>(), input, args);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans its temp directory
        }
    }
}
