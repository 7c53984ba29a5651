using CsCheck;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Consent;
using PostGuard.Core.Findings;
using PostGuard.Core.People;
using PostGuard.Core.Policy;
using PostGuard.Core.Submissions;

namespace PostGuard.Core.Tests.Checks.Images;

/// <summary>
/// The product's central promise over generated cases: random faces (identifiable or not) × the people
/// bound to them (by index or by a box that overlaps, plus tags that match no face, two people on one
/// face, people marked not visible, people no longer in the register) × consent records (granted,
/// refused, withdrawn, expired, not yet valid, superseded) × channels × publish dates, under both
/// presets. The expected outcome is worked out here from the generated intent, independently of the
/// binding and consent code under test:
/// - never Approve while an identifiable face is bound to nobody or to someone without valid consent;
/// - Block whenever a face is bound to a pupil or member of staff without valid consent;
/// - and Approve when every face is accounted for by someone with valid consent and nothing else
///   is amiss (so the check cannot pass by holding everything).
/// </summary>
public sealed class FaceConsentInvariantTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private enum Extra
    {
        None,
        Unplaced,
        NotVisible,
        IndexOfNoFace,
        BoxOverNoFace,
        SecondOnABoundFace,
    }

    private sealed record FaceSpec(bool Identifiable, int Column);

    private sealed record RecordSpec(int Use, ConsentStatus Status, int FromDays, int? UntilDays);

    private sealed record PersonSpec(bool Staff, RecordSpec[] Records, int BindTo, bool ByBox, int JitterPercent, Extra Extra, int ExtraFace);

    private sealed record Scenario(FaceSpec[] Faces, PersonSpec[] People, string[] Channels, int PublishDays, bool Strict, bool GhostTag);

    private static readonly Gen<RecordSpec> RecordGen = Gen.Select(
        Gen.Int[0, 1], Gen.Enum<ConsentStatus>(), Gen.Int[-400, 60], Gen.Int[-60, 400].Nullable(0.4),
        (use, status, from, until) => new RecordSpec(use, status, from, until));

    private static readonly Gen<PersonSpec> PersonGen = Gen.Select(
        Gen.Bool, RecordGen.Array[0, 4], Gen.Int[-1, 5], Gen.Bool, Gen.Int[-10, 10], Gen.Enum<Extra>(), Gen.Int[0, 6],
        (staff, records, bindTo, byBox, jitter, extra, extraFace) => new PersonSpec(staff, records, bindTo, byBox, jitter, extra, extraFace));

    private static readonly Gen<string[]> ChannelsGen = Gen.Shuffle(Channels.All.ToArray(), 1, 4);

    private static readonly Gen<Scenario> ScenarioGen = Gen.Select(
        Gen.Select(Gen.Bool, Gen.Int[0, 9], (identifiable, column) => new FaceSpec(identifiable, column)).Array[0, 6],
        PersonGen.Array[1, 5], ChannelsGen, Gen.Int[-30, 500], Gen.Double[0, 1].Select(d => d < 0.15), Gen.Double[0, 1].Select(d => d < 0.1),
        (faces, people, channels, publish, strict, ghost) => new Scenario(faces, people, channels, publish, strict, ghost));

    [Fact]
    public void Never_approves_an_unaccounted_or_unconsented_face_and_blocks_every_bound_person_without_consent()
    {
        ScenarioGen.Sample(scenario =>
        {
            var built = Build(scenario);
            var findings = new FacesCheck().RunAsync(built.Draft, CancellationToken.None).AsTask().GetAwaiter().GetResult();
            var decision = DecisionEngine.Decide(findings);
            var expected = built.Expected;
            var why = $"expected {expected.Describe()}, got {decision}: {string.Join(" | ", findings.Select(f => $"{f.Rule} {f.Severity} {f.Reason}"))}";

            if (expected.MustBlock)
            {
                Assert.True(decision == Decision.Block, why);
            }
            else if (expected.MustNotApprove)
            {
                Assert.True(decision != Decision.Approve, why);
            }
            else
            {
                Assert.True(decision == Decision.Approve, why);
            }
        }, iter: 20_000, threads: 1);
    }

    private sealed record Expectation(bool MustBlock, bool MustNotApprove, List<string> Reasons)
    {
        public string Describe() => (MustBlock ? "Block" : MustNotApprove ? "not Approve" : "Approve") + " because " + (Reasons.Count == 0 ? "everything is accounted for" : string.Join("; ", Reasons));
    }

    private sealed record Built(DraftUnderCheck Draft, Expectation Expected);

    private static Built Build(Scenario s)
    {
        var policy = s.Strict ? PolicyPresets.CreateStrict() : PolicyPresets.CreateConsentBased();
        var publishDate = Today.AddDays(s.PublishDays);
        var faces = s.Faces.Select((f, i) => new FaceReport(new FaceBox(40 + (i * 150), 60 + (f.Column * 7), 100, 120), 0.9, f.Identifiable)).ToList();
        var people = new List<Person>();
        var records = new List<ConsentRecord>();
        var sequence = 0L;
        for (var p = 0; p < s.People.Length; p++)
        {
            var person = new Person(Guid.NewGuid(), s.People[p].Staff ? PersonKind.Staff : PersonKind.Pupil, $"First{p}", $"Last{p}");
            people.Add(person);
            foreach (var r in s.People[p].Records)
            {
                sequence++;
                records.Add(new ConsentRecord
                {
                    Id = Guid.NewGuid(),
                    PersonId = person.Id,
                    Use = r.Use == 0 ? ConsentUses.Website : ConsentUses.SocialMedia,
                    Status = r.Status,
                    GivenBy = "parent",
                    ValidFrom = Today.AddDays(r.FromDays),
                    ValidUntil = r.UntilDays is { } until ? Today.AddDays(r.FromDays + Math.Abs(until)) : null,
                    // Recorded in generation order, some within the same instant (then the sequence decides).
                    RecordedAt = new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero).AddMinutes(sequence / 2),
                    RecordedBy = "office",
                    Sequence = sequence,
                });
            }
        }

        // The intended bindings: each person on at most one face, each face claimed by whoever came first.
        var tags = new List<PhotoTag>();
        var boundTo = new Dictionary<int, int>();
        var claims = new Dictionary<int, int>();
        var notVisible = new List<int>();
        var unplaced = new List<int>();
        for (var p = 0; p < s.People.Length; p++)
        {
            var spec = s.People[p];
            var id = people[p].Id;
            if (spec.BindTo >= 0 && spec.BindTo < faces.Count && !boundTo.ContainsKey(spec.BindTo))
            {
                boundTo[spec.BindTo] = p;
                claims[spec.BindTo] = 1;
                tags.Add(spec.ByBox ? PhotoTag.OnFace(id, 99, Jitter(faces[spec.BindTo].Box, spec.JitterPercent)) : PhotoTag.OnFace(id, spec.BindTo));
                continue;
            }
            switch (spec.Extra)
            {
                case Extra.Unplaced:
                    tags.Add(PhotoTag.Unplaced(id));
                    unplaced.Add(p);
                    break;
                case Extra.NotVisible:
                    tags.Add(PhotoTag.NotVisible(id));
                    notVisible.Add(p);
                    break;
                case Extra.IndexOfNoFace:
                    tags.Add(PhotoTag.OnFace(id, faces.Count + spec.ExtraFace));
                    unplaced.Add(p);
                    break;
                case Extra.BoxOverNoFace:
                    tags.Add(PhotoTag.OnFace(id, 0, new FaceBox(5000 + (spec.ExtraFace * 300), 5000, 100, 120)));
                    unplaced.Add(p);
                    break;
                case Extra.SecondOnABoundFace when boundTo.Count > 0:
                    var face = boundTo.Keys.ElementAt(spec.ExtraFace % boundTo.Count);
                    tags.Add(PhotoTag.OnFace(id, face));
                    claims[face]++;
                    unplaced.Add(p);
                    break;
            }
        }
        // Two people on one face: neither is bound, both count as tagged without a face.
        foreach (var (face, count) in claims.Where(c => c.Value > 1).ToList())
        {
            unplaced.Add(boundTo[face]);
            boundTo.Remove(face);
        }
        if (s.GhostTag && faces.Count > 0 && !boundTo.ContainsKey(0) && claims.GetValueOrDefault(0) == 0)
        {
            tags.Add(PhotoTag.OnFace(Guid.NewGuid(), 0)); // someone no longer in the register
        }

        var channels = s.Channels;
        bool Consented(int p) => channels.Select(Channels.ConsentUse).Distinct().All(use =>
            records.Where(r => r.PersonId == people[p].Id && r.Use == use && r.ValidFrom <= publishDate && (r.ValidUntil is null || publishDate <= r.ValidUntil))
                .OrderByDescending(r => r.RecordedAt).ThenByDescending(r => r.Sequence)
                .FirstOrDefault() is { Status: ConsentStatus.Granted });

        var reasons = new List<string>();
        var block = false;
        var hold = false;
        if (s.Strict)
        {
            if (faces.Any(f => f.Identifiable) || tags.Count > 0)
            {
                block = true;
                reasons.Add("strict policy: people in the photo");
            }
        }
        else
        {
            for (var f = 0; f < faces.Count; f++)
            {
                if (boundTo.TryGetValue(f, out var p))
                {
                    if (!Consented(p))
                    {
                        block = true;
                        reasons.Add($"face {f} bound to person {p} without consent");
                    }
                }
                else if (faces[f].Identifiable)
                {
                    hold = true;
                    reasons.Add($"identifiable face {f} bound to nobody");
                }
            }
            foreach (var p in unplaced)
            {
                if (!Consented(p))
                {
                    block = true;
                    reasons.Add($"person {p} tagged without a face and without consent");
                }
                else
                {
                    hold = true;
                    reasons.Add($"person {p} tagged, no face matched");
                }
            }
            foreach (var p in notVisible.Where(p => !Consented(p)))
            {
                hold = true;
                reasons.Add($"person {p} not visible, without consent");
            }
            if (tags.Any(t => people.All(person => person.Id != t.PersonId)))
            {
                hold = true;
                reasons.Add("a tagged person is not in the register");
            }
        }

        var report = new ImageReport { Index = 0, FileName = "photo.jpg", Format = "Jpeg", Width = 2000, Height = 1500, Faces = faces };
        var draft = new DraftUnderCheck
        {
            Text = "",
            Channels = channels,
            PublishAt = new DateTimeOffset(publishDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
            Images = [new ImageUnderCheck { Index = 0, FileName = "photo.jpg", Content = ReadOnlyMemory<byte>.Empty, Tags = tags, Report = report }],
            Policy = policy,
            People = new PeopleRegister(people, records),
            AnalysedAt = new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
        };
        return new Built(draft, new Expectation(block, block || hold, reasons));
    }

    /// <summary>The box moved by a few per cent of its size: still the same face (IoU well above 0.5).</summary>
    private static FaceBox Jitter(FaceBox box, int percent) =>
        box with { X = box.X + (box.Width * percent / 100), Y = box.Y - (box.Height * percent / 100) };
}
