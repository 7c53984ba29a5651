namespace PostGuard.Vision.Codecs;

/// <summary>Small helpers shared by the native codec bindings.</summary>
internal static class NativeCodecs
{
    public static TurboHandle Turbo(nint handle)
    {
        if (handle == 0)
        {
            throw new InvalidOperationException("libturbojpeg could not create a handle (out of memory?).");
        }
        return new TurboHandle(handle);
    }

    internal readonly struct TurboHandle(nint value) : IDisposable
    {
        public nint Value { get; } = value;

        public void Dispose() => TurboJpegNative.Destroy(Value);
    }
}
