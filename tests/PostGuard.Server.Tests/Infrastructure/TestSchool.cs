using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using PostGuard.Core.Policy;
using PostGuard.Core.Schools;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>A school with one user per role, each with an HTTP client carrying their token.</summary>
public sealed class TestSchool
{
    private TestSchool(string id, Dictionary<string, HttpClient> clients)
    {
        Id = id;
        _clients = clients;
    }

    private readonly Dictionary<string, HttpClient> _clients;

    public string Id { get; }

    public HttpClient Uploader => _clients[Roles.Uploader];
    public HttpClient Approver => _clients[Roles.Approver];
    public HttpClient Auditor => _clients[Roles.Auditor];
    public HttpClient ConsentAdmin => _clients[Roles.ConsentAdmin];

    public static async Task<TestSchool> CreateAsync(PostGuardFactory factory, string preset = PolicyPresets.ConsentBased, IReadOnlyList<string>? channels = null, bool autoApproveClean = false)
    {
        var schools = factory.Services.GetRequiredService<SchoolDirectory>();
        var id = $"school-{Guid.NewGuid():N}"[..20];
        var policy = PolicyPresets.Create(preset, channels ?? [Channels.Instagram, Channels.LinkedIn]) with { AutoApproveClean = autoApproveClean };
        await schools.AddSchoolAsync(id, $"Test School {id}", policy, CancellationToken.None);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            var (_, token) = await schools.AddUserAsync(id, $"{role}@{id}.sch.uk", role, CancellationToken.None);
            var client = factory.CreateClient();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            clients[role] = client;
        }
        return new TestSchool(id, clients);
    }
}
