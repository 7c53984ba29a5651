using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Consent;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.People;

/// <summary>CSV import of the register and consent, with every bad row and column shown when it is refused.</summary>
[Authorize(Roles = Roles.ConsentAdmin)]
public sealed class ImportModel(ConsentService consent, BlockedDraftAnnouncer announcer) : StaffPageModel
{
    public IReadOnlyList<InputError> Errors { get; private set; } = [];
    public ConsentService.ImportResult? Result { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            Errors = [new InputError("file", "choose a CSV file to import")];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        try
        {
            Result = await consent.ImportAsync(Me, reader, cancellationToken);
            await announcer.AnnounceAsync(Me.SchoolId, Result.DraftsFlagged, cancellationToken);
        }
        catch (InputValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
