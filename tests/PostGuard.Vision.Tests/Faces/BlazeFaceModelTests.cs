using PostGuard.Vision.Codecs;
using PostGuard.Vision.Faces;
using PostGuard.Vision.Onnx;

namespace PostGuard.Vision.Tests.Faces;

[Collection(VisionCollection.Name)]
public sealed class BlazeFaceModelTests(VisionFixture vision)
{
    private readonly OnnxSessionFactory _sessions = new();

    [Fact]
    public void Reused_buffers_give_each_run_its_own_result()
    {
        using var model = new BlazeFaceModel(_sessions.Create(vision.Assets.PathOf("blazeface/face_detection_front_128x128.onnx")));
        using var buffers = model.CreateBuffers();
        // A 500-px window around sample 2's right-hand face (199 px at 1456, 195 in its labels).
        var image = new ImageDecoder().Decode(vision.Sample(2)).Pixels;

        TensorSampler.Sample(image, 1305, 45, 500, model.InputSize, buffers.Input);
        var face = model.Run(buffers, 0.5);
        Array.Fill(buffers.Input, -1f);
        var black = model.Run(buffers, 0.5);
        TensorSampler.Sample(image, 1305, 45, 500, model.InputSize, buffers.Input);
        var again = model.Run(buffers, 0.5);

        Assert.NotEmpty(face);
        Assert.Empty(black);
        Assert.Equal(face.Select(d => (d.X, d.Y, d.Score)), again.Select(d => (d.X, d.Y, d.Score)));
    }

    [Fact]
    public void Buffers_of_another_model_are_refused()
    {
        using var back = new BlazeFaceModel(_sessions.Create(vision.Assets.PathOf("blazeface/face_detection_back_256x256.onnx")));
        using var front = new BlazeFaceModel(_sessions.Create(vision.Assets.PathOf("blazeface/face_detection_front_128x128.onnx")));
        using var frontBuffers = front.CreateBuffers();

        Assert.Throws<ArgumentException>(() => back.Run(frontBuffers, 0.5));
    }
}
