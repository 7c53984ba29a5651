using PostGuard.Server.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.People;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

/// <summary>The uploader composes a draft: text, channels from the school's list, publish time, comments (off by default), photos with the people in them.</summary>
[Authorize(Roles = Roles.Uploader)]
public sealed class NewDraftModel(SchoolDirectory schools, PeopleStore people, SubmissionService submissions, AnalysisRequests analysis) : StaffPageModel
{
    public const int PhotoSlots = 3;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public List<string> Channels { get; set; } = [];
    [BindProperty] public string? PublishAt { get; set; }
    [BindProperty] public bool CommentsEnabled { get; set; }
    [BindProperty] public IFormFile? Photo0 { get; set; }
    [BindProperty] public IFormFile? Photo1 { get; set; }
    [BindProperty] public IFormFile? Photo2 { get; set; }
    [BindProperty] public List<string> Tags0 { get; set; } = [];
    [BindProperty] public List<string> Tags1 { get; set; } = [];
    [BindProperty] public List<string> Tags2 { get; set; } = [];

    public IReadOnlyList<string> SchoolChannels { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<InputError> Errors { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Channels = [.. SchoolChannels.Take(1)];
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var school = await LoadAsync(cancellationToken);
        var images = new List<NewDraftImage>();
        foreach (var (file, tags) in new[] { (Photo0, Tags0), (Photo1, Tags1), (Photo2, Tags2) })
        {
            if (file is { Length: > 0 })
            {
                images.Add(new NewDraftImage(UniqueName(file.FileName, images), file.ContentType, await ReadAsync(file, cancellationToken), [.. tags.Select(NewTag.Plain)]));
            }
        }
        try
        {
            var record = await submissions.SubmitAsync(Me, school, new NewDraft
            {
                Text = Text ?? "",
                Channels = Channels,
                PublishAt = FromLocal(PublishAt, school.Policy.TimeZone),
                CommentsEnabled = CommentsEnabled,
                Images = images,
            }, cancellationToken);
            await analysis.TrySendAsync(record, cancellationToken);
            return Redirect($"/drafts/{record.Id}");
        }
        catch (InputValidationException invalid)
        {
            Errors = invalid.Errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<School> LoadAsync(CancellationToken cancellationToken)
    {
        var school = await schools.FindSchoolAsync(Me.SchoolId, cancellationToken) ?? throw new InvalidOperationException($"School '{Me.SchoolId}' is missing");
        SchoolChannels = school.Policy.Channels;
        People = [.. (await people.LoadRegisterAsync(Me.SchoolId, cancellationToken)).People.Where(p => p.Active).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)];
        return school;
    }

    internal static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        var content = new byte[file.Length];
        await using var stream = file.OpenReadStream();
        await stream.ReadExactlyAsync(content, cancellationToken);
        return content;
    }

    internal static string UniqueName(string fileName, IReadOnlyCollection<NewDraftImage> existing)
    {
        var name = string.IsNullOrWhiteSpace(fileName) ? "photo" : Path.GetFileName(fileName);
        return existing.Any(i => i.FileName == name) ? $"{existing.Count + 1}-{name}" : name;
    }
}
