using Microsoft.ML.OnnxRuntime.Tensors;
using PostGuard.Vision.Onnx;

namespace PostGuard.Vision.Faces;

/// <summary>
/// One BlazeFace ONNX model (MediaPipe's 256 "back" or 128 "front"): input NHWC RGB in [-1, 1],
/// 896 anchors over a 16×16×2 and an 8×8×6 grid, score logits and 16 regressors per anchor.
/// Thread-safe: the session may run concurrently, each caller with its own <see cref="BlazeFaceBuffers"/>.
/// </summary>
public sealed class BlazeFaceModel : IDisposable
{
    private const int Regressors = 16;
    private const int AnchorCount = 896;

    /// <summary>Logits reach about −900; clamp before the sigmoid.</summary>
    private const float LogitClamp = 100f;

    private readonly OnnxSession _session;
    private readonly string _inputName;
    private readonly long[] _inputShape;
    private readonly long[][] _outputShapes;
    private readonly float[] _anchorX = new float[AnchorCount];
    private readonly float[] _anchorY = new float[AnchorCount];
    private readonly int[] _scoreOutputs = new int[2];
    private readonly int[] _boxOutputs = new int[2];

    public BlazeFaceModel(OnnxSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
        var input = session.InputNames.Count == 1 ? session.InputMetadata[session.InputNames[0]] : null;
        if (input is null || !input.IsTensor || input.ElementDataType != TensorElementType.Float
            || input.Dimensions.Length != 4 || input.Dimensions[1] != input.Dimensions[2] || input.Dimensions[1] <= 0 || input.Dimensions[3] != 3)
        {
            throw new ArgumentException("Not a BlazeFace model: expected one float NHWC input [1, S, S, 3].", nameof(session));
        }
        _inputName = session.InputNames[0];
        InputSize = input.Dimensions[1];
        _inputShape = [1, InputSize, InputSize, 3];
        // Outputs: two score tensors [1, 512|384, 1] and two regressor tensors [1, 512|384, 16].
        _outputShapes = new long[session.OutputNames.Count][];
        foreach (var (name, index) in session.OutputNames.Select((o, i) => (o, i)))
        {
            var shape = session.OutputMetadata[name].Dimensions;
            var anchors = shape.Length == 3 ? shape[1] : -1;
            var layer = anchors == 512 ? 0 : anchors == 384 ? 1 : throw new ArgumentException($"Unexpected BlazeFace output {name} [{string.Join(", ", shape)}].", nameof(session));
            if (shape[2] == 1)
            {
                _scoreOutputs[layer] = index;
            }
            else if (shape[2] == Regressors)
            {
                _boxOutputs[layer] = index;
            }
            else
            {
                throw new ArgumentException($"Unexpected BlazeFace output {name}.", nameof(session));
            }
            _outputShapes[index] = [1, anchors, shape[2]];
        }
        // Layer 1: 16×16 cells × 2 anchors; layer 2: 8×8 cells × 6 anchors. Index (gy*cells+gx)*A+a.
        var k = 0;
        foreach (var (cells, perCell) in new[] { (16, 2), (8, 6) })
        {
            for (var gy = 0; gy < cells; gy++)
            {
                for (var gx = 0; gx < cells; gx++)
                {
                    for (var a = 0; a < perCell; a++)
                    {
                        _anchorX[k] = (gx + 0.5f) / cells;
                        _anchorY[k] = (gy + 0.5f) / cells;
                        k++;
                    }
                }
            }
        }
    }

    /// <summary>The square input side: 256 or 128.</summary>
    public int InputSize { get; }

    /// <summary>Input and output buffers for one caller (reuse them for every run of that caller; dispose after).</summary>
    public BlazeFaceBuffers CreateBuffers() => new(this, _session, _inputName, _inputShape, _session.OutputNames, _outputShapes);

    /// <summary>
    /// Runs the model on <see cref="BlazeFaceBuffers.Input"/> [1, S, S, 3] and returns every anchor whose score reaches
    /// <paramref name="minScore"/>, in input-normalised coordinates [0, 1] (not yet merged).
    /// </summary>
    public List<RawDetection> Run(BlazeFaceBuffers buffers, double minScore)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        if (!ReferenceEquals(buffers.Model, this))
        {
            throw new ArgumentException("The buffers were made by another model.", nameof(buffers));
        }
        _session.Run(buffers.Binding);
        var detections = new List<RawDetection>();
        var minLogit = (float)Math.Log(minScore / (1 - minScore));
        var offset = 0;
        for (var layer = 0; layer < 2; layer++)
        {
            var scores = buffers.Outputs[_scoreOutputs[layer]];
            var boxes = buffers.Outputs[_boxOutputs[layer]];
            for (var i = 0; i < scores.Length; i++)
            {
                var logit = Math.Clamp(scores[i], -LogitClamp, LogitClamp);
                if (logit < minLogit)
                {
                    continue;
                }
                var anchor = offset + i;
                var r = boxes.AsSpan(i * Regressors, Regressors);
                var s = (float)InputSize;
                var cx = _anchorX[anchor] + (r[0] / s);
                var cy = _anchorY[anchor] + (r[1] / s);
                var w = r[2] / s;
                var h = r[3] / s;
                if (w <= 0 || h <= 0)
                {
                    continue;
                }
                var keypoints = new float[12];
                for (var p = 0; p < 6; p++)
                {
                    keypoints[2 * p] = _anchorX[anchor] + (r[4 + (2 * p)] / s);
                    keypoints[(2 * p) + 1] = _anchorY[anchor] + (r[5 + (2 * p)] / s);
                }
                detections.Add(new RawDetection(cx - (w / 2), cy - (h / 2), w, h, keypoints, 1.0 / (1.0 + Math.Exp(-logit))));
            }
            offset += scores.Length;
        }
        return detections;
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>One anchor's decoded box (x, y, w, h) and 6 keypoints (x0, y0, ..., x5, y5) in some coordinate frame, with its score.</summary>
public sealed record RawDetection(double X, double Y, double Width, double Height, float[] Keypoints, double Score);
