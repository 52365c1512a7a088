using System.Net;
using System.Net.Sockets;

namespace Pipeline.IntegrationTests.Infrastructure;

/// <summary>A TCP port nobody listens on right now, for a server owned by one test.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Until something accepts connections on the port, or the deadline.</summary>
    public static async Task<bool> WaitUntilListeningAsync(int port, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(200);
            }
        }
        return false;
    }
}
