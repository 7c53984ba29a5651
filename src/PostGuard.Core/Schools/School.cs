using PostGuard.Core.Policy;

namespace PostGuard.Core.Schools;

public sealed record School(string Id, string Name, SchoolPolicy Policy);

/// <summary>A member of staff with one role at one school, known to the API by a token.</summary>
public sealed record StaffUser(Guid Id, string SchoolId, string Email, string Role);
