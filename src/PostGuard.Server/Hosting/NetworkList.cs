using System.Net;
using System.Net.Sockets;

namespace PostGuard.Server.Hosting;

/// <summary>A setting that lists networks: CIDR networks (10.20.0.0/16, fd00:1::/64) or single addresses, separated by commas.</summary>
public static class NetworkList
{
    /// <summary>Throws <see cref="FormatException"/> naming <paramref name="setting"/> and the entry it cannot read.</summary>
    public static IReadOnlyList<IPNetwork> Parse(string? value, string setting)
    {
        var networks = new List<IPNetwork>();
        foreach (var entry in (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var single))
            {
                networks.Add(new IPNetwork(single, single.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                throw new FormatException($"{setting}: '{entry}' is not an address or a network in CIDR form (e.g. 10.20.0.0/16)");
            }
        }
        return networks;
    }
}
