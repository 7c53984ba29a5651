using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PostGuard.Core.Schools;
using PostGuard.Server.Api;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages;

/// <summary>
/// Signs out (POST only, with the antiforgery token like every form): the account's session stamp is
/// replaced, so this cookie, and any copy of it or of another of the account's cookies, no longer works.
/// </summary>
public sealed class SignOutModel(SchoolDirectory schools) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            await schools.EndSessionsAsync(CurrentUser.From(User), cancellationToken);
        }
        await HttpContext.SignOutAsync(WebAuthentication.CookieScheme);
        return Redirect("/sign-in");
    }
}
