using PostGuard.Core.Checks.Text.Learned;

// Trains the learned text model for one rule from the corpus's first twelve sets and writes it under models/derived:
//   dotnet run --project tools/PostGuard.Training -- R9
// Prints the training data's SHA-256 and the model file's, for models/derived/README.md.
if (args.Length != 1 || args[0] is not ("R9" or "R8"))
{
    Console.Error.WriteLine("usage: PostGuard.Training R9|R8");
    return 3;
}
var rule = args[0];
var root = new DirectoryInfo(AppContext.BaseDirectory);
while (root is not null && !File.Exists(Path.Combine(root.FullName, "PostGuard.sln")))
{
    root = root.Parent;
}
if (root is null)
{
    Console.Error.WriteLine("run from a source checkout: PostGuard.sln not found above " + AppContext.BaseDirectory);
    return 3;
}
var corpus = TrainingCorpus.Directory(root.FullName);
var examples = TrainingCorpus.Examples(corpus, rule);
var model = NGramTextModel.Train(examples);
var output = Path.Combine(root.FullName, "models", "derived", LearnedTextModels.FileName(rule));
model.Save(output);
Console.WriteLine($"{rule}: {examples.Count} posts, {examples.Count(e => e.Label)} labelled {rule}");
Console.WriteLine($"training data sha256 {TrainingCorpus.Sha256(corpus)}");
Console.WriteLine($"wrote {output} (sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(output)))})");
return 0;
