using System.Globalization;
using System.Text.Json;
using PostGuard.Core.Checks;
using PostGuard.Core.Checks.Images;
using PostGuard.Core.Consent;
using PostGuard.Core.People;
using PostGuard.Core.Findings;
using PostGuard.Core.Persistence;
using PostGuard.Core.Policy;
using PostGuard.Core.Submissions;
using PostGuard.Core.Review;
using PostGuard.Server.Hosting;
using PostGuard.Vision.Video;

namespace PostGuard.Server.Cli;

/// <summary>
/// check: the same analysis the workers run, on local inputs, with no server and no database.
/// Exit codes: 0 Approve, 1 Hold, 2 Block, 3 usage or input error.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        cli.AllowOnly("--policy", "--text", "--text-file", "--image", "--channel", "--publish-at", "--comments-enabled", "--json", "--register", "--tag", "--redact-out", "--redact", "--frames-out");
        var policy = PolicyLoader.Load(cli.Optional("--policy") ?? PolicyPresets.ConsentBased);
        var text = ReadText(cli);
        DateTimeOffset? publishAt = null;
        if (cli.Optional("--publish-at") is { } publish)
        {
            if (!DateTimeOffset.TryParse(publish, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                throw new UsageException($"--publish-at: '{publish}' is not an ISO 8601 date and time (e.g. 2026-11-21T16:00:00Z)");
            }
            publishAt = parsed;
        }
        var paths = cli.All("--image");
        var files = new List<(string Name, byte[] Content)>();
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"--image: no file '{path}'");
            }
            files.Add((Path.GetFileName(path), await File.ReadAllBytesAsync(path)));
        }
        var channels = cli.All("--channel");
        var redactChoice = ReadRedactChoice(cli, paths.Count);

        var configuration = ServerConfiguration.Build(cli.ConfigurationArgs);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<SubmissionLimits>().BindConfiguration(SubmissionLimits.SectionName);
        services.AddSingleton<DraftValidator>();
        services.AddPostGuardAnalysis(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        // A clip is checked against the Video limits from its header first, as an upload is (exit 3 naming the field).
        for (var i = 0; i < files.Count; i++)
        {
            if (ClipSniffing.Sniff(files[i].Content) is not null)
            {
                try
                {
                    await provider.GetRequiredService<Lazy<ClipInspector>>().Value.ReadHeaderAsync(files[i].Content);
                }
                catch (ClipRejectedException ex)
                {
                    throw new UsageException($"--image {paths[i]}: the clip is not accepted: {ex.Message}");
                }
            }
        }
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var register = await ReadRegisterAsync(cli, now);
        var tags = ReadTags(cli, register, paths.Count);
        var images = files.Select((file, i) => new NewDraftImage(file.Name, "", file.Content, tags[i])).ToList();

        var draft = provider.GetRequiredService<DraftValidator>().Validate(new NewDraft
        {
            Text = text,
            Channels = channels.Count > 0 ? channels : policy.Channels,
            PublishAt = publishAt,
            CommentsEnabled = cli.Flag("--comments-enabled"),
            Images = images,
        }, policy);
        var analysis = await provider.GetRequiredService<DraftAnalyzer>().AnalyzeAsync(new DraftUnderCheck
        {
            Text = draft.Text!,
            Channels = draft.Channels!,
            PublishAt = draft.PublishAt,
            CommentsEnabled = draft.CommentsEnabled,
            // The faces named by --tag are faces of this very analysis (the detector is deterministic).
            Images = [.. draft.Images.Select((image, index) => new ImageUnderCheck { Index = index, FileName = image.FileName, Content = image.Content, Tags = [.. image.Tags.Select(ToPhotoTag)] })],
            Policy = policy,
            People = register,
            AnalysedAt = now,
        }, CancellationToken.None);

        if (cli.Optional("--redact-out") is { } redactDir)
        {
            var faces = FacesToRedact(analysis, draft, policy, register, redactChoice, publishAt ?? now);
            await WriteRedactedAsync(provider.GetRequiredService<Lazy<PostGuard.Vision.ImageInspector>>().Value, provider.GetRequiredService<ClipWriter>(), draft.Images, analysis, faces, redactDir);
        }
        else if (redactChoice.Count > 0)
        {
            throw new UsageException("--redact needs --redact-out DIR (where the redacted copies go)");
        }
        if (cli.Optional("--frames-out") is { } framesDir)
        {
            await WriteBestFramesAsync(provider.GetRequiredService<ClipWriter>(), draft.Images, analysis, framesDir);
        }
        if (cli.Flag("--json"))
        {
            Console.WriteLine(JsonSerializer.Serialize(new { decision = analysis.Decision, findings = analysis.Findings, images = analysis.Images },
                new JsonSerializerOptions(Json.Options) { WriteIndented = true }));
        }
        else
        {
            PrintHuman(analysis);
        }
        return analysis.Decision switch
        {
            Decision.Approve => 0,
            Decision.Hold => 1,
            _ => 2,
        };
    }

    /// <summary>
    /// --frames-out DIR: the evidence of each clip's face tracks, as the pages show it: the track's best frame (the one its
    /// box is on), a metadata-free JPEG at most <see cref="ClipFrames.Width"/> px wide (DIR/NAME.face-N.jpg, N the face index that --tag and --redact take).
    /// </summary>
    private static async Task WriteBestFramesAsync(ClipWriter clips, IReadOnlyList<NewDraftImage> images, DraftAnalysis analysis, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var report in analysis.Images.Where(r => r.Readable && r.IsClip))
        {
            for (var face = 0; face < report.Faces.Count; face++)
            {
                if (report.Faces[face].Track is not { } track)
                {
                    continue;
                }
                var output = Path.Combine(directory, FormattableString.Invariant($"{Path.GetFileNameWithoutExtension(report.FileName)}.face-{face}.jpg"));
                await File.WriteAllBytesAsync(output, await clips.WriteFrameAsync(images[report.Index].Content, track.Seconds, [], ClipFrames.Width));
                Console.Error.WriteLine(FormattableString.Invariant($"Best frame of face {face} of clip {report.Index + 1} (at {track.Seconds:0.00} s): {output}"));
            }
        }
    }

    /// <summary>
    /// --redact-out DIR: the faces that block or that nobody accounts for hidden irreversibly (or, with
    /// --redact IMAGE:FACES, the faces given) and every line of words that gave a finding covered, written as metadata-free
    /// JPEGs (DIR/NAME.redacted.jpg), and a clip's chosen face tracks hidden in every frame, re-encoded without metadata
    /// (DIR/NAME.redacted.mp4): the copy that could be published.
    /// </summary>
    private static async Task WriteRedactedAsync(PostGuard.Vision.ImageInspector inspector, ClipWriter clips, IReadOnlyList<NewDraftImage> images, DraftAnalysis analysis, IReadOnlyDictionary<int, IReadOnlyList<int>> faces, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var report in analysis.Images.Where(r => r.Readable))
        {
            var chosen = faces.GetValueOrDefault(report.Index) ?? [];
            var bad = chosen.Where(f => f < 0 || f >= report.Faces.Count).ToList();
            if (bad.Count > 0)
            {
                throw new UsageException($"--redact: image {report.Index} has {report.Faces.Count} face(s) (0 to {report.Faces.Count - 1}); no face {string.Join(", ", bad)}");
            }
            string output;
            IReadOnlyList<RegionBox> words = report.IsClip ? [] : WordsToCover.In(report, analysis.Findings);
            if (report.IsClip)
            {
                output = Path.Combine(directory, Path.GetFileNameWithoutExtension(report.FileName) + ".redacted.mp4");
                await File.WriteAllBytesAsync(output, await clips.WriteRedactedAsync(images[report.Index].Content, ClipTracks.Chosen(report, chosen)));
            }
            else
            {
                var boxes = chosen.Select(f => report.Faces[f].Box).Select(b => new PostGuard.Vision.Faces.FaceBox(b.X, b.Y, b.Width, b.Height));
                // The lines of words that gave findings are covered too, as given (each grown by its own margin).
                output = Path.Combine(directory, Path.GetFileNameWithoutExtension(report.FileName) + ".redacted.jpg");
                await File.WriteAllBytesAsync(output, inspector.Redact(images[report.Index].Content.Span, boxes, words.Select(b => new PostGuard.Vision.Faces.FaceBox(b.X, b.Y, b.Width, b.Height))));
            }
            Console.Error.WriteLine($"Redacted copy of image {report.Index + 1} (face(s) {(chosen.Count == 0 ? "none" : string.Join(", ", chosen))} of {report.Faces.Count} hidden, {words.Count} line(s) of words covered, metadata removed): {output}");
        }
    }

    /// <summary>Per image, the faces --redact names, else those that block or nobody accounts for.</summary>
    private static Dictionary<int, IReadOnlyList<int>> FacesToRedact(DraftAnalysis analysis, NewDraft draft, SchoolPolicy policy, PeopleRegister register, IReadOnlyDictionary<int, IReadOnlyList<int>> chosen, DateTimeOffset publishAt)
    {
        var publishDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(publishAt, TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone)).DateTime);
        return analysis.Images.Where(r => r.Readable).ToDictionary(r => r.Index, r => chosen.GetValueOrDefault(r.Index)
            ?? PhotoConsent.Assess(r, [.. draft.Images[r.Index].Tags.Select(ToPhotoTag)], register, policy, draft.Channels!, publishDate).FacesToRedact);
    }

    /// <summary>--redact IMAGE:FACES, e.g. 0:1,3 (0 = the first --image; faces as --json numbers them).</summary>
    private static Dictionary<int, IReadOnlyList<int>> ReadRedactChoice(CommandLine cli, int imageCount)
    {
        var chosen = new Dictionary<int, IReadOnlyList<int>>();
        foreach (var value in cli.All("--redact"))
        {
            var usage = $"--redact: '{value}' must be IMAGE_INDEX:FACE,FACE… with IMAGE_INDEX from 0 to {imageCount - 1} (e.g. 0:1,3; 0: hides none)";
            var parts = value.Split(':', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var image) || image < 0 || image >= imageCount)
            {
                throw new UsageException(usage);
            }
            var faces = new List<int>();
            foreach (var face in parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                faces.Add(int.TryParse(face, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : throw new UsageException(usage));
            }
            chosen[image] = faces;
        }
        return chosen;
    }

    private static PhotoTag ToPhotoTag(NewTag tag) => tag.Placement switch
    {
        TagPlacement.Face => PhotoTag.OnFace(Guid.Parse(tag.Person!), tag.Face!.Value),
        TagPlacement.NotVisible => PhotoTag.NotVisible(Guid.Parse(tag.Person!)),
        _ => PhotoTag.Unplaced(Guid.Parse(tag.Person!)),
    };

    private static async Task<PeopleRegister> ReadRegisterAsync(CommandLine cli, DateTimeOffset now)
    {
        if (cli.Optional("--register") is not { } path)
        {
            return PeopleRegister.Empty;
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"--register: no file '{path}'");
        }
        return PeopleCsv.BuildRegister(PeopleCsv.Parse(await File.ReadAllTextAsync(path)), now);
    }

    /// <summary>
    /// --tag IMAGE_INDEX:EXTERNAL_ID[@FACE|@hidden] (0 = the first --image; FACE as --json numbers the
    /// faces; @hidden: in the photo, face not visible; no @: tagged without a face), people from --register.
    /// </summary>
    private static List<NewTag>[] ReadTags(CommandLine cli, PeopleRegister register, int imageCount)
    {
        var tags = Enumerable.Range(0, imageCount).Select(_ => new List<NewTag>()).ToArray();
        foreach (var tag in cli.All("--tag"))
        {
            var parts = tag.Split(':', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) || index < 0 || index >= imageCount)
            {
                throw new UsageException($"--tag: '{tag}' must be IMAGE_INDEX:EXTERNAL_ID[@FACE|@hidden] with IMAGE_INDEX from 0 to {imageCount - 1}");
            }
            var at = parts[1].LastIndexOf('@');
            var externalId = at < 0 ? parts[1] : parts[1][..at];
            var person = register.People.FirstOrDefault(p => p.ExternalId == externalId)
                ?? throw new UsageException($"--tag: no person '{externalId}' in the --register file");
            var face = at < 0 ? null : parts[1][(at + 1)..];
            tags[index].Add(face switch
            {
                null => NewTag.Plain(person.Id.ToString()),
                "hidden" => new NewTag(person.Id.ToString(), TagPlacement.NotVisible),
                _ when int.TryParse(face, NumberStyles.None, CultureInfo.InvariantCulture, out var n) => new NewTag(person.Id.ToString(), TagPlacement.Face, n),
                _ => throw new UsageException($"--tag: '{tag}': after @ comes a face number (as --json numbers them) or 'hidden'"),
            });
        }
        return tags;
    }

    private static string ReadText(CommandLine cli)
    {
        var text = cli.Optional("--text");
        var file = cli.Optional("--text-file");
        if (text is not null && file is not null)
        {
            throw new UsageException("give --text or --text-file, not both");
        }
        if (file is null)
        {
            return text ?? "";
        }
        if (!File.Exists(file))
        {
            throw new UsageException($"--text-file: no file '{file}'");
        }
        return File.ReadAllText(file);
    }

    private static void PrintHuman(DraftAnalysis analysis)
    {
        Console.WriteLine($"Decision: {analysis.Decision}");
        if (analysis.Findings.Count == 0)
        {
            Console.WriteLine("No findings.");
        }
        foreach (var finding in analysis.Findings)
        {
            Console.WriteLine($"- [{finding.Severity}] {finding.Rule}: {finding.Reason}");
            if (finding.Evidence?["span"] is { } span)
            {
                Console.WriteLine($"    at {span["start"]}+{span["length"]}: \"{span["text"]}\"");
            }
            if (finding.Fix is not null)
            {
                Console.WriteLine($"    fix: {finding.Fix}");
            }
        }
        foreach (var image in analysis.Images)
        {
            Console.WriteLine(!image.Readable
                ? $"File {image.Index + 1} {image.FileName}: not checked ({image.Error})"
                : image.IsClip
                    ? FormattableString.Invariant($"Clip {image.Index + 1} {image.FileName}: {image.Width}x{image.Height}, {image.DurationSeconds:0.0} s, {image.Faces.Count} face track(s), {image.Faces.Count(f => f.Identifiable)} identifiable")
                    : $"Photo {image.Index + 1} {image.FileName}: {image.Width}x{image.Height}, {image.Faces.Count} face(s), {image.Faces.Count(f => f.Identifiable)} identifiable");
            for (var i = 0; i < image.Faces.Count; i++)
            {
                var face = image.Faces[i];
                var seen = face.Track is { } track ? FormattableString.Invariant($" seen {track.FirstSeconds:0.0}-{track.LastSeconds:0.0} s, best frame at {track.Seconds:0.00} s") : "";
                Console.WriteLine($"    face {i}{seen} at {face.Box.X},{face.Box.Y} {face.Box.Width}x{face.Box.Height} score {face.Score:0.00}{(face.Identifiable ? " identifiable" : "")}");
            }
        }
    }
}
