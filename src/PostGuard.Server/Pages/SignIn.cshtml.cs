using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages;

/// <summary>Staff sign-in: school code, e-mail, password; locked for a while after repeated failures.</summary>
public sealed class SignInModel(StaffSignIn signIn, IOptions<SignInOptions> options) : PageModel
{
    public string? Error { get; private set; }
    public string School { get; private set; } = "";
    public string Email { get; private set; } = "";
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = SafeReturnUrl(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? school, string? email, string? password, string? returnUrl, CancellationToken cancellationToken)
    {
        School = school?.Trim() ?? "";
        Email = email?.Trim() ?? "";
        ReturnUrl = SafeReturnUrl(returnUrl);
        var outcome = await signIn.SignInAsync(School, Email, password ?? "", cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.SignedIn signedIn:
                await HttpContext.SignInAsync(WebAuthentication.CookieScheme, StaffSignIn.Principal(signedIn.User, signedIn.SessionStamp));
                return LocalRedirect(ReturnUrl);
            default:
                // One answer for every refusal: a wrong school, e-mail or password, an account without a password, a locked account.
                Error = $"The school code, e-mail or password is wrong, or the account is locked for {options.Value.LockoutMinutes} minutes after too many wrong passwords. " +
                        "Try again, or ask the school's PostGuard administrator.";
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
        }
    }

    private string SafeReturnUrl(string? returnUrl) => returnUrl is { Length: > 0 } && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
