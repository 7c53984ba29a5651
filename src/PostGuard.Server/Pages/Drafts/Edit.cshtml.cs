using PostGuard.Server.Messaging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PostGuard.Core.Blobs;
using PostGuard.Core.People;
using PostGuard.Core.Review;
using PostGuard.Core.Schools;
using PostGuard.Core.Submissions;
using PostGuard.Server.Web;

namespace PostGuard.Server.Pages.Drafts;

/// <summary>
/// The uploader answers a decision: edits text, channels, time, comments and photos, and says who each
/// detected face is (by clicking it, or picking from the register) or who is in a photo with the face not
/// visible; each choice is a binding of a person to a face. The result is the next revision, checked again.
/// </summary>
[Authorize(Roles = Roles.Uploader)]
public sealed class EditDraftModel(
    DraftDetailsLoader loader,
    SchoolDirectory schools,
    BlobStore blobs,
    SubmissionService submissions,
    AnalysisRequests analysis) : StaffPageModel
{
    public DraftDetails Details { get; private set; } = null!;
    public string? Text { get; private set; }
    public IReadOnlyList<string> Channels { get; private set; } = [];
    public string? PublishAt { get; private set; }
    public bool CommentsEnabled { get; private set; }
    public IReadOnlyList<string> SchoolChannels { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<InputError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } school)
        {
            return NotFound();
        }
        Text = Details.Revision.Text;
        Channels = Details.Revision.Channels;
        PublishAt = ToLocalInput(Details.Revision.PublishAt, school.Policy.TimeZone);
        CommentsEnabled = Details.Revision.CommentsEnabled;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? text, List<string> channels, string? publishAt, bool commentsEnabled, List<int> keep, IFormFile? newPhoto, List<string> newTags, int version, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not { } school)
        {
            return NotFound();
        }
        var form = await Request.ReadFormAsync(cancellationToken);
        var images = new List<NewDraftImage>();
        foreach (var image in Details.Images.Where(i => keep.Contains(i.Image.Position)))
        {
            var p = image.Image.Position;
            var tags = new List<NewTag>();
            foreach (var face in image.Faces)
            {
                if (form[$"Face_{p}_{face.Index}"].ToString() is { Length: > 0 } person)
                {
                    tags.Add(new NewTag(person, TagPlacement.Face, face.Index));
                }
            }
            var bound = tags.Select(t => t.Person).ToHashSet();
            tags.AddRange(form[$"Hidden_{p}"].OfType<string>().Where(person => !bound.Contains(person)).Select(person => new NewTag(person, TagPlacement.NotVisible)));
            var placed = tags.Select(t => t.Person).ToHashSet();
            tags.AddRange(form[$"Unplaced_{p}"].OfType<string>().Where(person => !placed.Contains(person)).Select(NewTag.Plain));
            var content = await blobs.GetAsync(image.Image.BlobSha256, cancellationToken);
            images.Add(new NewDraftImage(image.Image.FileName, image.Image.ContentType, content, tags));
        }
        if (newPhoto is { Length: > 0 })
        {
            images.Add(new NewDraftImage(NewDraftModel.UniqueName(newPhoto.FileName, images), newPhoto.ContentType, await NewDraftModel.ReadAsync(newPhoto, cancellationToken), [.. newTags.Select(NewTag.Plain)]));
        }
        try
        {
            var record = await submissions.ResubmitAsync(Me, school, id, new NewDraft
            {
                Text = text ?? "",
                Channels = channels,
                PublishAt = FromLocal(publishAt, school.Policy.TimeZone),
                CommentsEnabled = commentsEnabled,
                Images = images,
            }, version, cancellationToken);
            await analysis.TrySendAsync(record, cancellationToken);
            return Redirect($"/drafts/{id}");
        }
        catch (InputValidationException invalid)
        {
            Errors = invalid.Errors;
        }
        catch (ReviewConflictException conflict)
        {
            Errors = [new InputError("draft", conflict.Message)];
        }
        Text = text;
        Channels = channels;
        PublishAt = publishAt;
        CommentsEnabled = commentsEnabled;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<School?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await loader.LoadAsync(Me.SchoolId, id, cancellationToken) is not { } details)
        {
            return null;
        }
        Details = details;
        var school = await schools.FindSchoolAsync(Me.SchoolId, cancellationToken) ?? throw new InvalidOperationException($"School '{Me.SchoolId}' is missing");
        SchoolChannels = school.Policy.Channels;
        People = [.. details.People.People.Where(p => p.Active).OrderBy(p => p.LastName).ThenBy(p => p.FirstName)];
        return school;
    }
}
