using System.Net;
using Dapper;
using Microsoft.Data.Sqlite;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;

namespace PostGuard.Server.Tests.Cli;

/// <summary>
/// admin add-user for an e-mail the school already has is how an administrator resets a member of
/// staff's access: the same account gets a new API token (the old one stops working), a new password
/// when one is given, its lockout cleared and its open sessions ended. Another role is refused, and the
/// database itself keeps one account per e-mail per school, whatever the letter case.
/// </summary>
public sealed class AddUserTwiceTests
{
    [Fact]
    public async Task Adding_an_existing_user_again_resets_their_token_and_password()
    {
        await using var server = await StandaloneServer.StartAsync(new Dictionary<string, string> { ["RateLimits__SignInAttemptsPerMinute"] = "1000" });
        Assert.Equal(0, (await server.RunVerbAsync("admin", "add-school", "--id", "mersham", "--name", "Mersham", "--policy", "consent-based")).ExitCode);
        var first = await server.RunVerbWithInputAsync("first-password-123\n", "admin", "add-user", "--school", "mersham", "--email", "head@mersham.sch.uk", "--role", Roles.Approver, "--password-stdin");
        Assert.True(first.ExitCode == 0, first.StdErr);
        var oldToken = first.StdOut.Trim();
        var earlier = new PageSession(server.Client());
        using (var signedIn = await earlier.SignInAsync("mersham", "head@mersham.sch.uk", "first-password-123"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }

        var again = await server.RunVerbWithInputAsync("second-password-456\n", "admin", "add-user", "--school", "mersham", "--email", "Head@Mersham.sch.uk", "--role", Roles.Approver, "--password-stdin");
        Assert.True(again.ExitCode == 0, again.StdErr);
        Assert.Contains("reset", again.StdErr, StringComparison.OrdinalIgnoreCase);
        var newToken = again.StdOut.Trim();
        Assert.StartsWith("pg_", newToken);
        Assert.NotEqual(oldToken, newToken);

        using (var old = await server.Client(oldToken).GetAsync("/api/v1/review-queue"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        }
        using (var current = await server.Client(newToken).GetAsync("/api/v1/review-queue"))
        {
            Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        }
        using (var oldPassword = await new PageSession(server.Client()).SignInAsync("mersham", "head@mersham.sch.uk", "first-password-123"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, oldPassword.StatusCode);
        }
        using (var newPassword = await new PageSession(server.Client()).SignInAsync("mersham", "head@mersham.sch.uk", "second-password-456"))
        {
            Assert.Equal(HttpStatusCode.Redirect, newPassword.StatusCode);
        }
        using (var oldSession = await earlier.GetAsync("/queue"))
        {
            Assert.Equal(HttpStatusCode.Redirect, oldSession.StatusCode); // signed in before the reset: sent to sign in again
        }

        await using var connection = new SqliteConnection($"Data Source={server.DatabasePath}");
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE school_id = 'mersham'"));
        var audit = (await connection.QueryAsync<string>("SELECT action FROM audit_events WHERE school_id = 'mersham' ORDER BY id")).ToList();
        Assert.Equal(1, audit.Count(a => a == "user.added"));
        Assert.Equal(1, audit.Count(a => a == "user.reset"));
    }

    [Fact]
    public async Task Another_role_for_an_existing_email_is_refused_and_changes_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("postguard-add-user-").FullName;
        try
        {
            Assert.Equal(0, (await ServerProcess.RunAsync(dir, "admin", "add-school", "--id", "mersham", "--name", "Mersham", "--policy", "consent-based")).ExitCode);
            var first = await ServerProcess.RunAsync(dir, "admin", "add-user", "--school", "mersham", "--email", "head@mersham.sch.uk", "--role", Roles.Approver);
            Assert.Equal(0, first.ExitCode);

            var other = await ServerProcess.RunAsync(dir, "admin", "add-user", "--school", "mersham", "--email", "HEAD@mersham.sch.uk", "--role", Roles.Uploader);
            Assert.Equal(3, other.ExitCode);
            Assert.Contains("--email: head@mersham.sch.uk already has an account at 'mersham' as approver", other.StdErr, StringComparison.Ordinal);
            Assert.Equal("", other.StdOut.Trim());

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(dir, "postguard.db")}");
            var users = (await connection.QueryAsync<(string Email, string Role, string TokenHash)>("SELECT email, role, token_hash FROM users")).ToList();
            var user = Assert.Single(users);
            Assert.Equal(Roles.Approver, user.Role);
            Assert.Equal(ApiTokens.Hash(first.StdOut.Trim()), user.TokenHash);

            // The database refuses a second account for the e-mail in another letter case, whoever writes it.
            var duplicate = await Assert.ThrowsAsync<SqliteException>(() => connection.ExecuteAsync(
                "INSERT INTO users (id, school_id, email, role, token_hash, created_at) VALUES ('dup', 'mersham', 'Head@Mersham.sch.uk', 'uploader', 'x', '2026-11-21T09:00:00.0000000Z')"));
            Assert.Equal(19, duplicate.SqliteErrorCode); // SQLITE_CONSTRAINT
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }
}
