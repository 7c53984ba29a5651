using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using PostGuard.Core.Audit;
using PostGuard.Core.People;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Pages;

/// <summary>The auditor's view of the append-only trail, filtered by draft, person (name or id) and date.</summary>
[Authorize(Roles = Roles.Auditor)]
public sealed class AuditModel(AuditTrail audit, PeopleStore people) : StaffPageModel
{
    /// <summary>How many of the latest events a filter searches.</summary>
    public const int Window = 1000;

    public string? Draft { get; private set; }
    public string? Person { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public bool Truncated { get; private set; }
    public IReadOnlyList<AuditEvent> Events { get; private set; } = [];

    public async Task OnGetAsync(string? draft, string? person, string? from, string? to, CancellationToken cancellationToken)
    {
        (Draft, Person, From, To) = (draft?.Trim(), person?.Trim(), from, to);
        Guid? draftId = Guid.TryParse(Draft, out var id) ? id : null;
        var events = await audit.ReadAsync(Me.SchoolId, draftId, Window, cancellationToken);
        Truncated = events.Count == Window;
        IEnumerable<AuditEvent> filtered = events;
        if (!string.IsNullOrEmpty(Draft) && draftId is null)
        {
            filtered = filtered.Where(e => e.DraftId?.ToString().StartsWith(Draft, StringComparison.OrdinalIgnoreCase) == true);
        }
        if (!string.IsNullOrEmpty(Person))
        {
            var register = await people.LoadRegisterAsync(Me.SchoolId, cancellationToken);
            var ids = register.People
                .Where(p => p.Id.ToString() == Person || p.ExternalId == Person || p.DisplayName.Contains(Person, StringComparison.OrdinalIgnoreCase)
                    || $"{p.FirstName} {p.LastName}".Contains(Person, StringComparison.OrdinalIgnoreCase))
                .Select(p => p.Id.ToString()).ToHashSet();
            filtered = filtered.Where(e => e.Details["personId"]?.ToString() is { } pid && ids.Contains(pid));
        }
        if (DateOnly.TryParseExact(From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fromDate))
        {
            filtered = filtered.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) >= fromDate);
        }
        if (DateOnly.TryParseExact(To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var toDate))
        {
            filtered = filtered.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) <= toDate);
        }
        Events = [.. filtered];
    }
}
