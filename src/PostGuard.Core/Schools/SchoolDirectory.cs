using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dapper;
using PostGuard.Core.Accounts;
using PostGuard.Core.Audit;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Schools;

/// <summary>Schools and their staff: created by the admin verbs, read on every request.</summary>
public sealed partial class SchoolDirectory(Persistence.Database database, AuditTrail audit, TimeProvider time)
{
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex SchoolIdPattern();

    public async Task<School> AddSchoolAsync(string id, string name, SchoolPolicy policy, CancellationToken cancellationToken)
    {
        if (!SchoolIdPattern().IsMatch(id))
        {
            throw new ArgumentException($"--id: '{id}' must be 2-63 lower-case letters, digits or hyphens");
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("--name: a school name is required");
        }
        PolicyLoader.Validate(policy, "policy");
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<long>(database.Command("SELECT COUNT(*) FROM schools WHERE id = @id", new { id }, transaction, cancellationToken));
            if (exists > 0)
            {
                throw new ArgumentException($"--id: school '{id}' already exists");
            }
            var now = time.GetUtcNow();
            await connection.ExecuteAsync(database.Command(
                "INSERT INTO schools (id, name, policy_json, created_at) VALUES (@id, @name, @policy, @now)",
                new { id, name, policy = PolicyLoader.Serialize(policy), now }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(id, "admin", "school.added", null, null,
                new() { ["name"] = name, ["preset"] = policy.Preset, ["channels"] = string.Join(",", policy.Channels) }), cancellationToken);
            return new School(id, name, policy);
        }, cancellationToken);
    }

    /// <summary>
    /// Adds a user and returns the new API token (shown once; only its hash is stored). An e-mail the
    /// school already has (in any letter case) is not a second account: with the same role the account is
    /// reset (a new token replaces the old one, the password is replaced when one is given, the lockout is
    /// cleared and every open session ends); another role is refused.
    /// </summary>
    /// <param name="passwordHash">For web sign-in: a hash made by the caller's password hasher, or null for none (a reset keeps the old one).</param>
    public async Task<AddedUser> AddUserAsync(string schoolId, string email, string role, CancellationToken cancellationToken, string? passwordHash = null)
    {
        if (!Roles.IsKnown(role))
        {
            throw new ArgumentException($"--role: unknown role '{role}' (expected one of {string.Join(", ", Roles.All)})");
        }
        var address = EmailAddresses.Parse(email, out var problem) ?? throw new ArgumentException($"--email: {problem}");
        var token = ApiTokens.NewToken();
        var normalised = address.ToLowerInvariant();
        return await database.InTransactionAsync(async (connection, transaction) =>
        {
            var school = await connection.ExecuteScalarAsync<long>(database.Command("SELECT COUNT(*) FROM schools WHERE id = @schoolId", new { schoolId }, transaction, cancellationToken));
            if (school == 0)
            {
                throw new ArgumentException($"--school: no school '{schoolId}' (add it first with 'admin add-school')");
            }
            var now = time.GetUtcNow();
            var existing = await connection.QuerySingleOrDefaultAsync<(string Id, string Role)>(database.Command(
                "SELECT id, role FROM users WHERE school_id = @schoolId AND lower(email) = @email",
                new { schoolId, email = normalised }, transaction, cancellationToken));
            if (existing.Id is not null)
            {
                if (existing.Role != role)
                {
                    throw new ArgumentException(
                        $"--email: {normalised} already has an account at '{schoolId}' as {existing.Role}; one e-mail has one account per school " +
                        $"(to reset its token or password, run add-user with --role {existing.Role})");
                }
                var reset = new StaffUser(Guid.Parse(existing.Id), schoolId, normalised, role);
                await connection.ExecuteAsync(database.Command(
                    """
                    UPDATE users SET token_hash = @hash, password_hash = COALESCE(@passwordHash, password_hash),
                        failed_sign_ins = 0, locked_until = NULL, session_stamp = @stamp
                    WHERE id = @id
                    """,
                    new { id = existing.Id, hash = ApiTokens.Hash(token), passwordHash, stamp = NewSessionStamp() }, transaction, cancellationToken));
                await audit.AppendAsync(connection, transaction, new AuditEvent(schoolId, "admin", "user.reset", null, null,
                    new() { ["email"] = normalised, ["role"] = role, ["newPassword"] = passwordHash is not null }), cancellationToken);
                return new AddedUser(reset, token, WasReset: true);
            }
            var user = new StaffUser(Guid.NewGuid(), schoolId, normalised, role);
            await connection.ExecuteAsync(database.Command(
                "INSERT INTO users (id, school_id, email, role, token_hash, created_at, password_hash, session_stamp) VALUES (@id, @schoolId, @email, @role, @hash, @now, @passwordHash, @stamp)",
                new { id = user.Id.ToString(), schoolId, email = user.Email, role, hash = ApiTokens.Hash(token), now, passwordHash, stamp = NewSessionStamp() }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(schoolId, "admin", "user.added", null, null,
                new() { ["email"] = user.Email, ["role"] = role, ["webSignIn"] = passwordHash is not null }), cancellationToken);
            return new AddedUser(user, token, WasReset: false);
        }, cancellationToken);
    }

    /// <summary>The member of staff of <paramref name="schoolId"/> with this e-mail address, with password hash and lockout state; null if none.</summary>
    public async Task<StaffAccount?> FindAccountAsync(string schoolId, string email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(database.Command(
            """
            SELECT id AS Id, school_id AS SchoolId, email AS Email, role AS Role, password_hash AS PasswordHash,
                   failed_sign_ins AS FailedSignIns, locked_until AS LockedUntil
            FROM users WHERE school_id = @schoolId AND lower(email) = @email
            """,
            new { schoolId = schoolId.Trim().ToLowerInvariant(), email = email.Trim().ToLowerInvariant() }, cancellationToken: cancellationToken));
        return row is null ? null
            : new StaffAccount(new StaffUser(Guid.Parse(row.Id), row.SchoolId, row.Email, row.Role), row.PasswordHash, row.FailedSignIns, row.LockedUntil);
    }

    /// <summary>
    /// Counts a failed sign-in; at <paramref name="maxFailures"/> the account is locked for <paramref name="lockout"/>
    /// (and the count starts again). Returns the account's lockout end when this failure locked it.
    /// </summary>
    public async Task<DateTimeOffset?> RecordFailedSignInAsync(StaffUser user, int maxFailures, TimeSpan lockout, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Command(
                "UPDATE users SET failed_sign_ins = failed_sign_ins + 1 WHERE id = @id",
                new { id = user.Id.ToString() }, transaction, cancellationToken));
            var failures = await connection.ExecuteScalarAsync<int>(database.Command(
                "SELECT failed_sign_ins FROM users WHERE id = @id", new { id = user.Id.ToString() }, transaction, cancellationToken));
            if (failures < maxFailures)
            {
                return (DateTimeOffset?)null;
            }
            var until = time.GetUtcNow() + lockout;
            await connection.ExecuteAsync(database.Command(
                "UPDATE users SET failed_sign_ins = 0, locked_until = @until WHERE id = @id",
                new { id = user.Id.ToString(), until }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(user.SchoolId, user.Email, "user.locked-out", null, null,
                new() { ["failedSignIns"] = failures, ["lockedUntil"] = until.ToString("O") }), cancellationToken);
            return until;
        }, cancellationToken);

    /// <summary>
    /// A successful sign-in clears the failure count and any expired lockout; returns the account's session
    /// stamp, which the sign-in cookie carries (made now if the account never had one).
    /// </summary>
    public async Task<string> RecordSignInAsync(StaffUser user, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Command(
                "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, session_stamp = COALESCE(session_stamp, @stamp) WHERE id = @id",
                new { id = user.Id.ToString(), stamp = NewSessionStamp() }, transaction, cancellationToken));
            var stamp = await connection.ExecuteScalarAsync<string>(database.Command(
                "SELECT session_stamp FROM users WHERE id = @id", new { id = user.Id.ToString() }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(user.SchoolId, user.Email, "user.signed-in", null, null, new()), cancellationToken);
            return stamp!;
        }, cancellationToken);

    /// <summary>The account's current session stamp (null: no such account, or it never signed in).</summary>
    public async Task<string?> FindSessionStampAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string?>(database.Command(
            "SELECT session_stamp FROM users WHERE id = @id", new { id = userId.ToString() }, cancellationToken: cancellationToken));
    }

    /// <summary>Signing out: a new session stamp, so every cookie issued to the account so far is refused from now on.</summary>
    public async Task EndSessionsAsync(StaffUser user, CancellationToken cancellationToken) =>
        await database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(database.Command(
                "UPDATE users SET session_stamp = @stamp WHERE id = @id", new { id = user.Id.ToString(), stamp = NewSessionStamp() }, transaction, cancellationToken));
            await audit.AppendAsync(connection, transaction, new AuditEvent(user.SchoolId, user.Email, "user.signed-out", null, null, new()), cancellationToken);
            return 0;
        }, cancellationToken);

    private static string NewSessionStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public async Task<StaffUser?> FindByTokenAsync(string token, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string SchoolId, string Email, string Role)>(database.Command(
            "SELECT id, school_id, email, role FROM users WHERE token_hash = @hash", new { hash = ApiTokens.Hash(token) }, cancellationToken: cancellationToken));
        return row.Id is null ? null : new StaffUser(Guid.Parse(row.Id), row.SchoolId, row.Email, row.Role);
    }

    public async Task<School?> FindSchoolAsync(string schoolId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string Id, string Name, string PolicyJson)>(database.Command(
            "SELECT id, name, policy_json FROM schools WHERE id = @schoolId", new { schoolId }, cancellationToken: cancellationToken));
        return row.Id is null ? null : new School(row.Id, row.Name, PolicyLoader.Parse(row.PolicyJson, $"schools[{row.Id}].policy_json"));
    }

    /// <summary>What <see cref="AddUserAsync"/> did: the account, its new API token, and whether it already existed (a reset).</summary>
    public sealed record AddedUser(StaffUser User, string Token, bool WasReset)
    {
        public void Deconstruct(out StaffUser user, out string token) => (user, token) = (User, Token);
    }

    private sealed record AccountRow
    {
        public string Id { get; init; } = "";
        public string SchoolId { get; init; } = "";
        public string Email { get; init; } = "";
        public string Role { get; init; } = "";
        public string? PasswordHash { get; init; }
        public int FailedSignIns { get; init; }
        public DateTimeOffset? LockedUntil { get; init; }
    }
}
