using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages;

/// <summary>Signs out (POST only, with the antiforgery token like every form).</summary>
public sealed class SignOutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(WebAuthentication.CookieScheme);
        return Redirect("/sign-in");
    }
}
