using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace NewsWatch.Fetching;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of every fetch. The check runs on the resolved addresses at
/// connect time, for every redirect hop and pooled connection alike, so a DNS name that points inward (or is rebound
/// to an inward address after a first lookup) is caught where a URL check could not see it.
/// </summary>
public sealed class GuardedConnector(bool allowPrivateNetworks)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var resolved = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        var allowed = allowPrivateNetworks ? resolved : Allowed(host, resolved);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Only the public addresses of a name are tried; a name with none is refused, naming the first.</summary>
    public static IPAddress[] Allowed(string host, IReadOnlyList<IPAddress> resolved)
    {
        ArgumentNullException.ThrowIfNull(resolved);
        if (resolved.Count == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var allowed = resolved.Where(a => NetworkAddressClassifier.Classify(a) == NetworkAddressClass.Public).ToArray();
        return allowed.Length > 0
            ? allowed
            : throw new BlockedAddressException(host, resolved[0], NetworkAddressClassifier.Classify(resolved[0]));
    }
}
