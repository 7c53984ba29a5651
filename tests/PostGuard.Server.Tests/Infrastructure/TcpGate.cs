using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PostGuard.Server.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of a real service that a test can shut (refusing new connections and
/// cutting the open ones, as when the service's host drops off the network) and open again,
/// without touching the service itself, so other tests can keep using it.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly ConcurrentDictionary<TcpClient, byte> _connections = new();
    private TcpListener? _listener;
    private CancellationTokenSource _stop = new();

    public TcpGate(string targetHost, int targetPort)
    {
        _targetHost = targetHost;
        _targetPort = targetPort;
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Open();
    }

    public int Port { get; }

    public void Open()
    {
        _stop = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _ = AcceptAsync(_listener, _stop.Token);
    }

    public void Shut()
    {
        _stop.Cancel();
        _listener?.Stop();
        foreach (var connection in _connections.Keys)
        {
            try
            {
                connection.Client?.LingerState = new LingerOption(true, 0); // reset, not a polite close
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // already closing
            }
            connection.Dispose();
        }
        _connections.Clear();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stop);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(inbound, stop);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken stop)
    {
        var outbound = new TcpClient();
        _connections[inbound] = 0;
        _connections[outbound] = 0;
        try
        {
            await outbound.ConnectAsync(_targetHost, _targetPort, stop);
            var a = inbound.GetStream().CopyToAsync(outbound.GetStream(), stop);
            var b = outbound.GetStream().CopyToAsync(inbound.GetStream(), stop);
            await Task.WhenAny(a, b);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // shut, or one side hung up
        }
        finally
        {
            _connections.TryRemove(inbound, out _);
            _connections.TryRemove(outbound, out _);
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Shut();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
