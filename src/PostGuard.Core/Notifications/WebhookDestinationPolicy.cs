using System.Net;
using System.Net.Sockets;

namespace PostGuard.Core.Notifications;

/// <summary>
/// Where a school's webhook may point. An approver types the URL, and the server makes the request: a
/// URL into the server's own network (loopback, private, carrier-grade NAT, link-local such as a cloud
/// metadata service, multicast, unspecified, and their IPv4-mapped or embedded IPv6 forms) would let an
/// approver account probe or call internal services. Such addresses are refused unless a network is on
/// the server-wide allow-list (an on-premises receiver). Names are resolved and every address checked,
/// both when the URL is saved and when a notification is sent; the connection then goes to a checked
/// address, so a name that resolves differently later (DNS rebinding) gains nothing.
/// </summary>
public sealed class WebhookDestinationPolicy(IReadOnlyList<IPNetwork> allowedNetworks)
{
    /// <summary>How long saving waits for a name to resolve.</summary>
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(5);

    private static readonly (IPNetwork Network, string Kind)[] Refused =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "an unspecified ('this network') address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT (shared) address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.0.0.0/24"), "an IETF protocol address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved or broadcast address"),
        (IPNetwork.Parse("::/128"), "the unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("100::/64"), "a discard address"),
        (IPNetwork.Parse("fc00::/7"), "a unique local (private) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a site-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Ipv4Compatible = IPNetwork.Parse("::/96");

    public IReadOnlyList<IPNetwork> AllowedNetworks { get; } = allowedNetworks;

    /// <summary>Why the server must not connect to <paramref name="address"/>, or null when it may.</summary>
    public string? Refusal(IPAddress address)
    {
        var checkedAddress = Canonical(address);
        if (AllowedNetworks.Any(n => n.Contains(checkedAddress) || n.Contains(address)))
        {
            return null;
        }
        foreach (var candidate in new[] { checkedAddress }.Concat(EmbeddedIpv4(checkedAddress)))
        {
            foreach (var (network, kind) in Refused)
            {
                if (network.Contains(candidate))
                {
                    return $"{address} is {kind}";
                }
            }
        }
        return null;
    }

    /// <summary>
    /// When a URL is saved: the problem with it as the approver should read it, or null when the server
    /// may send to it. A name must resolve, and to permitted addresses only.
    /// </summary>
    public async Task<string?> ProblemAsync(Uri url, CancellationToken cancellationToken)
    {
        if (url.Scheme is not ("http" or "https") || string.IsNullOrEmpty(url.Host))
        {
            return $"'{RedactedWebhookUrl.Of(url)}' is not an http:// or https:// address";
        }
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(url.Host, ResolveTimeout, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or ArgumentException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"the host '{url.Host}' could not be found; check the address";
        }
        var refusals = addresses.Select(Refusal).OfType<string>().ToList();
        return refusals.Count == 0 ? null
            : $"'{url.Host}' cannot receive notifications: {refusals[0]}. A webhook must be reachable at a public address"
              + " (the server's administrator can allow an on-premises network: Notifications:WebhookAllowedNetworks)";
    }

    /// <summary>
    /// When sending: the addresses of <paramref name="host"/> that may be connected to, resolved now.
    /// Throws <see cref="WebhookDestinationRefusedException"/> when there is none.
    /// </summary>
    public async Task<IReadOnlyList<IPAddress>> PermittedAddressesAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, Timeout.InfiniteTimeSpan, cancellationToken);
        var permitted = addresses.Where(a => Refusal(a) is null).Select(Canonical).Distinct().ToList();
        if (permitted.Count == 0)
        {
            throw new WebhookDestinationRefusedException(host, addresses.Select(Refusal).OfType<string>().FirstOrDefault() ?? "it has no address");
        }
        return permitted;
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            return [address];
        }
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        return await Dns.GetHostAddressesAsync(literal, limit.Token);
    }

    /// <summary>An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address it maps.</summary>
    private static IPAddress Canonical(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    /// <summary>IPv4 addresses carried inside an IPv6 one (NAT64, 6to4, the old IPv4-compatible form), which reach that IPv4 address.</summary>
    private static IEnumerable<IPAddress> EmbeddedIpv4(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            yield break;
        }
        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || (Ipv4Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback)))
        {
            yield return new IPAddress(bytes.AsSpan(12, 4));
        }
        if (SixToFour.Contains(address))
        {
            yield return new IPAddress(bytes.AsSpan(2, 4));
        }
    }
}

/// <summary>The webhook's host resolves to no address the server may connect to (never retried).</summary>
public sealed class WebhookDestinationRefusedException(string host, string reason)
    : Exception($"the webhook host '{host}' was not called: {reason}");
