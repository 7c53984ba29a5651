using System.Diagnostics;
using System.Net;
using Dapper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Schools;
using PostGuard.Server.Tests.Infrastructure;
using PostGuard.Server.Web;

namespace PostGuard.Server.Tests.Security;

/// <summary>
/// The pages' sign-in: a session ends for good when its owner signs out (a copied cookie is worthless
/// afterwards), and a failed sign-in says and shows nothing about whether the account exists or is
/// locked: the same answer, and about the same time, for all of them.
/// </summary>
public sealed class SignInTests(SignInTests.Server server, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<SignInTests.Server>
{
    public const string Password = "correct-horse-battery";

    /// <summary>One service for the class; lockout high enough that the timing rounds never lock the account.</summary>
    public sealed class Server : IDisposable
    {
        public PostGuardFactory Factory { get; } = new(Backend.SqliteInMemory(), new Dictionary<string, string?>
        {
            ["RateLimits:SignInAttemptsPerMinute"] = "10000",
            ["SignIn:MaxFailedAttempts"] = "100",
        });

        public void Dispose() => Factory.Dispose();
    }

    private PostGuardFactory Factory => server.Factory;

    [Fact]
    public async Task A_session_cookie_is_refused_once_its_owner_signed_out()
    {
        var (school, email) = await AddApproverWithPasswordAsync();
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = new PageSession(client);
        using (var signedIn = await session.SignInAsync(school, email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        }
        var copied = session.Cookie(WebAuthentication.CookieName);
        Assert.NotNull(copied);
        using (var queue = await PageSession.WithCookieAsync(client, "/queue", WebAuthentication.CookieName, copied))
        {
            Assert.Equal(HttpStatusCode.OK, queue.StatusCode);
        }

        using (var signedOut = await session.SignOutAsync())
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var replayed = await PageSession.WithCookieAsync(client, "/queue", WebAuthentication.CookieName, copied);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        var location = replayed.Headers.Location!;
        Assert.StartsWith("/sign-in", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString, StringComparison.Ordinal);

        // Signing in again opens a new session.
        using (var again = await session.SignInAsync(school, email, Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }
        using var fresh = await session.GetAsync("/queue");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
    }

    [Fact]
    public async Task Unknown_api_only_wrong_password_and_locked_accounts_get_the_same_answer()
    {
        var (school, email) = await AddApproverWithPasswordAsync();
        var (lockedSchool, lockedEmail) = await AddApproverWithPasswordAsync();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(Factory.DataDir, "postguard.db")}"))
        {
            await connection.ExecuteAsync("UPDATE users SET locked_until = @until WHERE email = @lockedEmail",
                new { until = DateTimeOffset.UtcNow.AddHours(1).ToString("O"), lockedEmail });
        }
        var apiOnly = await TestSchool.CreateAsync(Factory); // users with a token and no password

        var answers = new List<(string Case, HttpStatusCode Status, string Message)>();
        foreach (var (label, schoolId, address, password) in new[]
        {
            ("unknown e-mail", school, "nobody@nowhere.sch.uk", Password),
            ("unknown school", "no-such-school", email, Password),
            ("wrong password", school, email, "not-the-password"),
            ("api-only account", apiOnly.Id, $"{Roles.Approver}@{apiOnly.Id}.sch.uk", Password),
            ("locked account, right password", lockedSchool, lockedEmail, Password),
            ("locked account, wrong password", lockedSchool, lockedEmail, "not-the-password"),
        })
        {
            using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
            using var response = await new PageSession(client).SignInAsync(schoolId, address, password);
            var html = await response.Content.ReadAsStringAsync();
            var start = html.IndexOf("id=\"sign-in-error\">", StringComparison.Ordinal);
            Assert.True(start > 0, $"{label}: no error shown ({(int)response.StatusCode})");
            var message = html[(start + "id=\"sign-in-error\">".Length)..html.IndexOf("</p>", start, StringComparison.Ordinal)];
            answers.Add((label, response.StatusCode, message));
        }
        Assert.All(answers, a => Assert.Equal(answers[0].Status, a.Status));
        Assert.All(answers, a => Assert.Equal(answers[0].Message, a.Message));
        Assert.Equal(HttpStatusCode.Unauthorized, answers[0].Status);
    }

    /// <summary>
    /// Relative timing, not speed: an unknown account must cost a password hash like an existing one
    /// (before: about 2 ms against 75 ms). Rounds are interleaved and medians compared with a wide margin,
    /// so a noisy machine slows both sides alike.
    /// </summary>
    [Fact]
    public async Task Unknown_and_existing_accounts_take_about_the_same_time()
    {
        var (school, email) = await AddApproverWithPasswordAsync();
        using var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var session = new PageSession(client);
        var unknown = new List<double>();
        var existing = new List<double>();
        for (var round = 0; round < 12; round++)
        {
            foreach (var (address, times) in new[] { ("nobody@nowhere.sch.uk", unknown), (email, existing) })
            {
                var token = await session.FormTokenAsync("/sign-in");
                var fields = new Dictionary<string, string> { ["school"] = school, ["email"] = address, ["password"] = "not-the-password", ["__RequestVerificationToken"] = token };
                var watch = Stopwatch.StartNew();
                using var response = await session.PostFormAsync("/sign-in", fields);
                watch.Stop();
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                if (round >= 2)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        var (medianUnknown, medianExisting) = (Median(unknown), Median(existing));
        output.WriteLine($"median sign-in time over {unknown.Count} interleaved rounds: unknown account {medianUnknown:F1} ms, existing account {medianExisting:F1} ms");
        Assert.True(medianUnknown >= 0.5 * medianExisting && medianExisting >= 0.5 * medianUnknown,
            $"median sign-in time: unknown account {medianUnknown:F1} ms, existing account {medianExisting:F1} ms");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private async Task<(string School, string Email)> AddApproverWithPasswordAsync()
    {
        var schools = Factory.Services.GetRequiredService<SchoolDirectory>();
        var id = $"school-{Guid.NewGuid():N}"[..20];
        await schools.AddSchoolAsync(id, $"School {id}", Core.Policy.PolicyPresets.Create(Core.Policy.PolicyPresets.ConsentBased, null), CancellationToken.None);
        var email = $"head@{id}.sch.uk";
        await schools.AddUserAsync(id, email, Roles.Approver, CancellationToken.None, StaffPasswords.Hash(new StaffUser(Guid.Empty, "", "", ""), Password));
        return (id, email);
    }
}
