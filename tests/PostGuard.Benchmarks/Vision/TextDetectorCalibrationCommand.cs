using System.Globalization;
using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using PostGuard.TextEvaluation.Rendering;
using PostGuard.TextEvaluation.Scoring;
using PostGuard.Vision.Assets;
using PostGuard.Vision.Codecs;
using PostGuard.Vision.Onnx;
using PostGuard.Vision.TextRecognition;

namespace PostGuard.Benchmarks.Vision;

/// <summary>
/// Console mode: <c>dotnet run -c Release --project tests/PostGuard.Benchmarks -- --calibrate-text-detector EXPOSED.onnx RANGES.json [scenes-per-kind] [rendered-without-words]</c>
/// runs the text detector with every intermediate tensor exposed as an output (made by
/// <c>models/derive/quantize-text-detector.py expose</c>) over calibration inputs and writes each tensor's range for the
/// int8 model. The inputs are made the way <see cref="PhotoTextReader"/> feeds the detector (<see cref="PlanarSampler"/>,
/// ImageNet mean and standard deviation, B, G, R): each photo whole at 512 px on its long side (the first search), and three
/// windows of 256 × 256 detector pixels at 1024 px on the long side (the scale of glances and second looks). The photos are the
/// TUNING scenes of the photo-words evaluation (never the held-out ones) and the public photos without words.
/// </summary>
internal static class TextDetectorCalibrationCommand
{
    public const string Switch = "--calibrate-text-detector";

    /// <summary>Values kept per tensor and run for the percentiles (strided through the tensor, min and max kept exactly).</summary>
    private const int SamplesPerRun = 512;

    private static readonly double[] Percentiles = [0.01, 0.1, 1.0];

    public static int FromCommandLine(CommandArguments args) => Run(
        args.Positional(1) ?? throw new ArgumentException("the exposed model's path is missing"),
        args.Positional(2) ?? throw new ArgumentException("the output path is missing"),
        args.Int(3, 8), args.Int(4, 16));

    public static int Run(string exposedModel, string output, int perKind, int withoutWords)
    {
        var assets = AssetDirectory.Locate();
        var labels = Path.Combine(Path.GetDirectoryName(assets.Root)!, "tests", "PostGuard.Vision.Tests", "Labels");
        using var renderer = new SceneRenderer(assets, labels);
        var photos = PhotoWordsEvaluation.Scenes(renderer, assets, perKind, withoutWords, heldOut: false)
            .Concat(PhotoWordsEvaluation.PublicPhotosWithoutWords(assets)).ToList();
        if (photos.Any(p => p.HeldOut))
        {
            throw new InvalidOperationException("a held-out scene reached the calibration");
        }
        using var session = new OnnxSessionFactory().Create(exposedModel);
        var input = session.InputNames[0];
        var names = session.OutputNames.ToList();
        var stats = names.Prepend(input).ToDictionary(n => n, _ => new TensorStats());
        var decoder = new ImageDecoder();
        var runs = 0;
        foreach (var (photo, index) in photos.Select((p, i) => (p, i)))
        {
            var decoded = decoder.Decode(photo.Jpeg, 1024);
            var image = decoded.Pixels;
            var random = new Random(index);
            var windows = new List<(double X, double Y, double W, double H, double Scale)>();
            var longSide = Math.Max(image.Width, image.Height);
            windows.Add((0, 0, image.Width, image.Height, Math.Min(1.0, 512.0 / longSide)));
            var fine = Math.Min(1.0, 1024.0 / longSide);
            var side = 256 / fine;
            for (var i = 0; i < 3 && side < Math.Min(image.Width, image.Height); i++)
            {
                windows.Add((random.NextDouble() * (image.Width - side), random.NextDouble() * (image.Height - side), side, side, fine));
            }
            foreach (var (x, y, w, h, scale) in windows)
            {
                var cw = Math.Max(1, (int)Math.Round(w * scale));
                var ch = Math.Max(1, (int)Math.Round(h * scale));
                var tw = RoundUp(cw);
                var th = RoundUp(ch);
                var tensor = new float[3 * tw * th];
                PlanarSampler.SampleWindow(image, x, y, w, h, cw, ch, tw, th, TextDetectorModel.Normalisation, tensor);
                using var value = OrtValue.CreateTensorValueFromMemory(tensor, [1, 3, th, tw]);
                stats[input].Add(tensor);
                using var outputs = session.Run(new Dictionary<string, OrtValue> { [input] = value }, names);
                for (var o = 0; o < names.Count; o++)
                {
                    stats[names[o]].Add(outputs[o].GetTensorDataAsSpan<float>());
                }
                runs++;
            }
        }
        var result = new SortedDictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (name, st) in stats)
        {
            if (st.Count == 0)
            {
                continue;
            }
            var entry = new Dictionary<string, double> { ["min"] = st.Min, ["max"] = st.Max };
            var sorted = st.Samples.ToArray();
            Array.Sort(sorted);
            foreach (var p in Percentiles)
            {
                var tag = p.ToString("0.##", CultureInfo.InvariantCulture);
                entry[$"lo{tag}"] = sorted[(int)Math.Floor((sorted.Length - 1) * p / 100)];
                entry[$"hi{tag}"] = sorted[(int)Math.Ceiling((sorted.Length - 1) * (1 - (p / 100)))];
            }
            result[name] = entry;
        }
        File.WriteAllText(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"{photos.Count} photos ({photos.Count(p => p.Words.Count > 0)} with words), {runs} detector runs, {result.Count} tensors -> {output}");
        return 0;
    }

    private static int RoundUp(int side) => Math.Max(TextDetectorModel.SideMultiple, (side + TextDetectorModel.SideMultiple - 1) / TextDetectorModel.SideMultiple * TextDetectorModel.SideMultiple);

    private sealed class TensorStats
    {
        public double Min { get; private set; } = double.PositiveInfinity;

        public double Max { get; private set; } = double.NegativeInfinity;

        public long Count { get; private set; }

        public List<float> Samples { get; } = [];

        public void Add(ReadOnlySpan<float> values)
        {
            var min = float.PositiveInfinity;
            var max = float.NegativeInfinity;
            foreach (var v in values)
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
            Min = Math.Min(Min, min);
            Max = Math.Max(Max, max);
            var stride = Math.Max(1, values.Length / SamplesPerRun);
            for (var i = (int)(Count % stride); i < values.Length; i += stride)
            {
                Samples.Add(values[i]);
            }
            Count++;
        }
    }
}
