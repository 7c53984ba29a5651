using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace PostGuard.Server.Pages;

/// <summary>What a page's error status means, in words (403 for a role that may not, 404 for another school's or a missing draft).</summary>
/// <remarks>A refused POST is re-executed here as a POST: it must still show the refusal, not fail antiforgery.</remarks>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Title { get; private set; } = "";
    public string Explanation { get; private set; } = "";

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        (Title, Explanation) = code switch
        {
            403 => ("Not allowed for your role", "Your role may not open this page: only the headteacher approves, only the designated uploader submits, and the consent admin keeps the register."),
            404 => ("Not found", "There is no such page or draft in your school."),
            429 => ("Too many attempts", "Wait a little and try again."),
            _ => ($"Error {code}", "Something went wrong; nothing was changed."),
        };
    }
}
