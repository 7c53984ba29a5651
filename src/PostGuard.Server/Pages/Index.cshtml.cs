using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Pages;

/// <summary>Each role starts where its work is.</summary>
public sealed class IndexModel : StaffPageModel
{
    public IActionResult OnGet() => Redirect(Me.Role switch
    {
        Roles.Approver => "/queue",
        Roles.ConsentAdmin => "/people",
        Roles.Auditor => "/audit",
        _ => "/drafts",
    });
}
