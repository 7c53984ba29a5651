using System.Globalization;
using System.Text.Json;
using PostGuard.Core.Checks;
using PostGuard.Core.Consent;
using PostGuard.Core.People;
using PostGuard.Core.Findings;
using PostGuard.Core.Persistence;
using PostGuard.Core.Policy;
using PostGuard.Core.Submissions;
using PostGuard.Server.Hosting;

namespace PostGuard.Server.Cli;

/// <summary>
/// check: the same analysis the workers run, on local inputs, with no server and no database.
/// Exit codes: 0 Approve, 1 Hold, 2 Block, 3 usage or input error.
/// </summary>
public static class CheckCommand
{
    public static async Task<int> RunAsync(CommandLine cli)
    {
        cli.AllowOnly("--policy", "--text", "--text-file", "--image", "--channel", "--publish-at", "--comments-enabled", "--json", "--register", "--tag", "--redact-out");
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
        var images = new List<NewDraftImage>();
        foreach (var path in cli.All("--image"))
        {
            if (!File.Exists(path))
            {
                throw new UsageException($"--image: no file '{path}'");
            }
            images.Add(new NewDraftImage(Path.GetFileName(path), "", await File.ReadAllBytesAsync(path), []));
        }
        var channels = cli.All("--channel");

        var configuration = ServerConfiguration.Build(cli.ConfigurationArgs);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddOptions<SubmissionLimits>().BindConfiguration(SubmissionLimits.SectionName);
        services.AddSingleton<DraftValidator>();
        services.AddPostGuardAnalysis(configuration);
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var now = provider.GetRequiredService<TimeProvider>().GetUtcNow();
        var register = await ReadRegisterAsync(cli, now);
        var tags = ReadTags(cli, register, images.Count);

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
            Images = [.. draft.Images.Select((image, index) => new ImageUnderCheck { Index = index, FileName = image.FileName, Content = image.Content, Tags = tags[index] })],
            Policy = policy,
            People = register,
            AnalysedAt = now,
        }, CancellationToken.None);

        if (cli.Optional("--redact-out") is { } redactDir)
        {
            WriteRedacted(provider.GetRequiredService<Lazy<PostGuard.Vision.ImageInspector>>().Value, draft.Images, analysis, redactDir);
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
    /// --redact-out DIR: every detected face blurred irreversibly, written as metadata-free JPEGs
    /// (DIR/NAME.redacted.jpg): the copy that could be published.
    /// </summary>
    private static void WriteRedacted(PostGuard.Vision.ImageInspector inspector, IReadOnlyList<NewDraftImage> images, DraftAnalysis analysis, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (var report in analysis.Images.Where(r => r.Readable))
        {
            var faces = report.Faces.Select(f => new PostGuard.Vision.Faces.FaceBox(f.Box.X, f.Box.Y, f.Box.Width, f.Box.Height));
            var output = Path.Combine(directory, Path.GetFileNameWithoutExtension(report.FileName) + ".redacted.jpg");
            File.WriteAllBytes(output, inspector.Redact(images[report.Index].Content.Span, faces));
            Console.Error.WriteLine($"Redacted copy of image {report.Index + 1} ({report.Faces.Count} face(s) blurred, metadata removed): {output}");
        }
    }

    /// <summary>--register CSV: the people register and consent as valid at <paramref name="now"/>.</summary>
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

    /// <summary>--tag IMAGE_INDEX:EXTERNAL_ID (0 = the first --image), people from --register.</summary>
    private static List<Guid>[] ReadTags(CommandLine cli, PeopleRegister register, int imageCount)
    {
        var tags = Enumerable.Range(0, imageCount).Select(_ => new List<Guid>()).ToArray();
        foreach (var tag in cli.All("--tag"))
        {
            var parts = tag.Split(':', 2);
            if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var index) || index < 0 || index >= imageCount)
            {
                throw new UsageException($"--tag: '{tag}' must be IMAGE_INDEX:EXTERNAL_ID with IMAGE_INDEX from 0 to {imageCount - 1}");
            }
            var person = register.People.FirstOrDefault(p => p.ExternalId == parts[1])
                ?? throw new UsageException($"--tag: no person '{parts[1]}' in the --register file");
            tags[index].Add(person.Id);
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
            Console.WriteLine(image.Readable
                ? $"Image {image.Index + 1} {image.FileName}: {image.Width}x{image.Height}, {image.Faces.Count} face(s), {image.Faces.Count(f => f.Identifiable)} identifiable"
                : $"Image {image.Index + 1} {image.FileName}: not checked ({image.Error})");
            foreach (var face in image.Faces)
            {
                Console.WriteLine($"    face at {face.Box.X},{face.Box.Y} {face.Box.Width}x{face.Box.Height} score {face.Score:0.00}{(face.Identifiable ? " identifiable" : "")}");
            }
        }
    }
}
