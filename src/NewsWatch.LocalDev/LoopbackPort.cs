using System.Net;
using System.Net.Sockets;

namespace NewsWatch.LocalDev;

/// <summary>Ports for the child processes we start on loopback (public for the test servers in NewsWatch.Testing).</summary>
public static class LoopbackPort
{
    /// <summary>A port that was free a moment ago: the OS picks it, and it is released at once for the child to bind.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
