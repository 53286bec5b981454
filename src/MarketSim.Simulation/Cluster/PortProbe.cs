using System.Net;
using System.Net.Sockets;

namespace MarketSim.Simulation.Cluster;

/// <summary>A coordinator's port is taken: the node must not start (it would share or steal the port).</summary>
public sealed class PortInUseException(int port, Exception? inner = null)
    : Exception($"port {port} is in use; pick another with --port", inner)
{
    public int Port { get; } = port;
}

/// <summary>
/// Checks a fixed port before Akka binds it, so a taken port is one clear error at once rather than
/// Akka's startup timeout. Akka itself binds without SO_REUSEPORT (ClusterRunner.ConfigFor), so a
/// port taken between the probe and the bind still fails.
/// </summary>
internal static class PortProbe
{
    public static void ThrowIfTaken(string hostname, int port)
    {
        if (port == 0)
        {
            return;
        }

        var address = IPAddress.TryParse(hostname, out var parsed) ? parsed : Dns.GetHostAddresses(hostname).First();
        var listener = new TcpListener(address, port);
        try
        {
            listener.Start();
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new PortInUseException(port, exception);
        }
        finally
        {
            listener.Stop();
        }
    }

    public static bool IsBindFailure(Exception exception)
    {
        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || cause.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
