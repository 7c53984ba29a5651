using System.Text.Json.Nodes;
using PostGuard.Core.Checks.Text.Tokens;
using PostGuard.Core.Findings;
using PostGuard.Core.Policy;

namespace PostGuard.Core.Checks.Text.Names;

/// <summary>
/// R6: never name a child featured in a photograph; no identifying information about children.
/// A pupil's full name is a Block; a pupil's first name is a Block with photos and a Hold without;
/// a name from the public lexicon (the register does not know the child) is a Hold.
/// R7 (strict profile): no names of staff or children: staff names are a Block when the policy
/// does not allow them, and every register name is a Block.
/// </summary>
public sealed class NamesCheck(PersonNameFinder finder) : IDraftCheck
{
    public const string ChildNamesRule = "R6";
    public const string StrictProfileRule = "R7";

    public string Name => "text-names";

    public ValueTask<IReadOnlyList<Finding>> RunAsync(DraftUnderCheck draft, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        var document = TextDocument.For(draft.Text);
        var findings = new TextFindingList(document.Text);
        var strict = policy.Preset == PolicyPresets.Strict;
        var withPhotos = draft.Images.Count > 0;

        foreach (var mention in finder.Find(document, draft.People))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var quoted = document.Text.Substring(mention.Start, mention.Length);
            var evidence = new JsonObject { ["kind"] = mention.Kind.ToString(), ["source"] = mention.IsFromRegister ? "register" : mention.Kind == PersonMentionKind.StaffName ? "title" : "lexicon" };
            if (mention.Kind == PersonMentionKind.StaffName)
            {
                if (!policy.AllowStaffNames && policy.IsEnabled(StrictProfileRule))
                {
                    findings.Add(StrictProfileRule, policy.SeverityFor(StrictProfileRule, Severity.Block), mention.Start, mention.Length,
                        $"\"{quoted}\" names a member of staff; this school's policy allows no staff names.",
                        $"Remove \"{quoted}\" or write the role instead (\"our Year 4 teacher\").", evidence);
                }
                continue;
            }
            if (strict && mention.IsFromRegister && policy.IsEnabled(StrictProfileRule))
            {
                findings.Add(StrictProfileRule, policy.SeverityFor(StrictProfileRule, Severity.Block), mention.Start, mention.Length,
                    $"\"{quoted}\" is the name of a pupil in the register; this school's policy allows no names of children.",
                    $"Remove \"{quoted}\" (say \"a Year 4 pupil\" or \"our team\").", evidence);
                continue;
            }
            if (!policy.IsEnabled(ChildNamesRule))
            {
                continue;
            }
            var (severity, reason) = mention.Kind switch
            {
                PersonMentionKind.PupilFullName => (Severity.Block, $"\"{quoted}\" is a pupil's full name; posts never give a child's full name."),
                PersonMentionKind.PupilFirstName or PersonMentionKind.PupilLastName when withPhotos =>
                    (Severity.Block, $"\"{quoted}\" names a pupil in the register and the post has photos; a child in a photograph is never named."),
                PersonMentionKind.PupilFirstName or PersonMentionKind.PupilLastName =>
                    (Severity.Hold, $"\"{quoted}\" names a pupil in the register; the approver must agree to naming a child."),
                PersonMentionKind.LexiconFullName =>
                    (Severity.Hold, $"\"{quoted}\" looks like a person's full name (a first name the register does not know); if it is a child it must not be published."),
                _ => (Severity.Hold, $"\"{quoted}\" looks like a child's first name (not in the register, so less certain); check it is not a pupil."),
            };
            findings.Add(ChildNamesRule, policy.SeverityFor(ChildNamesRule, severity), mention.Start, mention.Length, reason,
                $"Remove \"{quoted}\" or replace it with the class or year group.", evidence);
        }
        return ValueTask.FromResult(findings.ToList());
    }
}
