using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using PostGuard.Core.Blobs;
using PostGuard.Core.Storage;

namespace PostGuard.Core.Tests.Blobs;

/// <summary>
/// The blob store on a real directory whose layout is broken on purpose (a file where a directory
/// must go, which fails every write under it with an input/output error, even for root).
/// </summary>
public sealed class BlobStoreResilienceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("postguard-blobs-").FullName;
    private readonly FakeTimeProvider _time = new();

    private BlobStore Store(int breakSeconds = 1) => new(
        Options.Create(new BlobOptions
        {
            Root = _root,
            Resilience = new ResilienceOptions { Retries = 2, FirstRetryDelayMilliseconds = 1, BreakMinimumCalls = 3, BreakSeconds = breakSeconds },
        }),
        Options.Create(new StorageOptions { DataDir = _root }),
        _time,
        NullLogger<BlobStore>.Instance);

    [Fact]
    public async Task Failing_writes_are_retried_then_open_the_circuit_which_closes_once_the_store_works_again()
    {
        var store = Store();
        var blocked = Content("photo under a broken directory", out var blockedName);
        var other = ContentWithOtherPrefix(blockedName, out var otherName);
        var blocker = Path.Combine(_root, blockedName[..2]);
        await File.WriteAllTextAsync(blocker, "not a directory");

        // One call: the first attempt and two retries all fail, which is enough to open the circuit.
        await Assert.ThrowsAnyAsync<IOException>(() => WhileTimePasses(store.PutAsync(blocked, CancellationToken.None)));
        // Now even a write that would work fails at once, without touching the disk.
        await Assert.ThrowsAsync<BrokenCircuitException>(() => store.PutAsync(other, CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(_root, otherName[..2], otherName[2..4], otherName)));

        File.Delete(blocker);
        _time.Advance(TimeSpan.FromSeconds(1.5)); // the break passes; the next call is the trial
        Assert.Equal(blockedName, await store.PutAsync(blocked, CancellationToken.None));
        Assert.Equal(otherName, await store.PutAsync(other, CancellationToken.None));
        Assert.Equal(blocked.ToArray(), await store.GetAsync(blockedName, CancellationToken.None));
    }

    [Fact]
    public async Task Missing_and_corrupt_blobs_are_answers_that_never_open_the_circuit()
    {
        var store = Store(breakSeconds: 60);
        var missing = Convert.ToHexStringLower(SHA256.HashData("never stored"u8));
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<BlobMissingException>(() => store.GetAsync(missing, CancellationToken.None));
        }
        var name = await store.PutAsync(Content("a photo", out _), CancellationToken.None);
        var path = Path.Combine(_root, name[..2], name[2..4], name);
        await File.WriteAllTextAsync(path, "tampered");
        for (var i = 0; i < 10; i++)
        {
            await Assert.ThrowsAsync<InvalidDataException>(() => store.GetAsync(name, CancellationToken.None));
        }
        // Still closed: a healthy write goes through.
        var fresh = await store.PutAsync(Content("another photo", out var freshName), CancellationToken.None);
        Assert.Equal(freshName, fresh);
    }

    private static ReadOnlyMemory<byte> Content(string text, out string sha256)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return bytes;
    }

    private static ReadOnlyMemory<byte> ContentWithOtherPrefix(string taken, out string sha256)
    {
        for (var i = 0; ; i++)
        {
            var content = Content($"another photo {i}", out sha256);
            if (sha256[..2] != taken[..2])
            {
                return content;
            }
        }
    }

    /// <summary>
    /// Moves the fake clock on in small steps until the call completes (its retries wait on that clock), but by no more
    /// than 100 ms in all: the retries' delays (1 ms, then about 2 ms, jittered) need a few, and however long the real
    /// failing writes take on a loaded machine, the clock must not pass the circuit's 1-s break while the call runs.
    /// </summary>
    private async Task<T> WhileTimePasses<T>(Task<T> call)
    {
        var step = TimeSpan.FromMilliseconds(5);
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted)
        {
            if (advanced < TimeSpan.FromMilliseconds(100))
            {
                _time.Advance(step);
                advanced += step;
            }
            await Task.WhenAny(call, Task.Delay(1));
        }
        return await call;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
