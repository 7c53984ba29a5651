using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Consent;
using PostGuard.Core.People;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.People;

/// <summary>One person's consent history; recording a withdrawal shows the drafts it flagged (and tells the approver).</summary>
[Authorize(Roles = Roles.ConsentAdmin)]
public sealed class PersonModel(PeopleStore people, ConsentService consent, BlockedDraftAnnouncer announcer) : StaffPageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<ConsentRecord> History { get; private set; } = [];
    public IReadOnlyList<Guid>? Flagged { get; private set; }
    public IReadOnlyList<InputError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, string? use, string? status, string? givenBy, string? evidence, string? validFrom, string? validUntil, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        try
        {
            var change = await consent.RecordConsentAsync(Me, id, new ConsentInput
            {
                Use = use,
                Status = status,
                GivenBy = givenBy,
                Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence,
                ValidFrom = Date(validFrom),
                ValidUntil = Date(validUntil),
            }, cancellationToken);
            Flagged = change.DraftsFlagged;
            await announcer.AnnounceAsync(Me.SchoolId, change.DraftsFlagged, cancellationToken);
        }
        catch (InputValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private static DateOnly? Date(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var register = await people.LoadRegisterAsync(Me.SchoolId, cancellationToken);
        if (register.Find(id) is not { } person)
        {
            return false;
        }
        Person = person;
        History = [.. register.History(id).OrderByDescending(r => r.Sequence)];
        return true;
    }
}
