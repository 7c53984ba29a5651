using Microsoft.AspNetCore.Authorization;
using PostGuard.Core.Consent;
using PostGuard.Core.People;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Pages.People;

/// <summary>The consent admin's register: each person's consent status per use, valid today.</summary>
[Authorize(Roles = Roles.ConsentAdmin)]
public sealed class PeopleIndexModel(PeopleStore people, TimeProvider time) : StaffPageModel
{
    private PeopleRegister _register = PeopleRegister.Empty;

    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<string> Uses => ConsentUses.All;
    public DateOnly Today { get; private set; }

    public string Status(Person person, string use) =>
        _register.ValidRecord(person.Id, use, Today)?.Status.ToString().ToLowerInvariant() ?? "none";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        _register = await people.LoadRegisterAsync(Me.SchoolId, cancellationToken);
        People = [.. _register.People.OrderBy(p => p.LastName).ThenBy(p => p.FirstName)];
    }
}
