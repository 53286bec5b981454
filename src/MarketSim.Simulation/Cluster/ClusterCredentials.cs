using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MarketSim.Simulation.Cluster;

/// <summary>
/// The credentials of one cluster run (docs/cluster.md "Credentials"): a self-signed certificate with
/// its private key, in <c>DIR/node.pfx</c>, readable by the owner only. Every node of the run presents
/// it in the mutual TLS handshake of Akka.Remote and accepts a peer only if the peer presents exactly
/// this certificate (SHA-256 thumbprint pinning), so a process without the file, or with another
/// run's, cannot connect at all.
/// </summary>
public sealed class ClusterCredentials
{
    /// <summary>The certificate and private key (PKCS #12, no password: the file mode is the protection).</summary>
    public const string FileName = "node.pfx";

    private const string Subject = "CN=marketsim-cluster";
    private static readonly TimeSpan Validity = TimeSpan.FromDays(3650);

    private ClusterCredentials(X509Certificate2 certificate, string folder)
    {
        Certificate = certificate;
        Folder = folder;
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The folder the credentials were read from (absolute).</summary>
    public string Folder { get; }

    /// <summary>SHA-256 of the certificate, upper-case hex: what every node pins.</summary>
    public string Thumbprint { get; }

    public static string PathIn(string folder) => Path.Combine(folder, FileName);

    /// <summary>
    /// Writes fresh credentials into <paramref name="folder"/> (created owner-only) and returns them.
    /// Refuses (IOException) to overwrite existing ones: another run's workers may be using them.
    /// </summary>
    public static ClusterCredentials Create(string folder)
    {
        folder = Path.GetFullPath(folder);
        var path = PathIn(folder);
        if (File.Exists(path))
        {
            throw new IOException($"{path} already exists; pick another folder or delete it");
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var key = RSA.Create(2048);
        var request = new CertificateRequest(Subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        // Both ends of every connection present it: server and client authentication.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now + Validity);
        var pfx = certificate.Export(X509ContentType.Pkcs12);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // chmod 600
        }

        using (var stream = new FileStream(path, options))
        {
            stream.Write(pfx);
        }

        return Load(folder);
    }

    /// <summary>Reads the credentials in <paramref name="folder"/>; FileNotFoundException or CryptographicException if there are none.</summary>
    public static ClusterCredentials Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        var path = PathIn(folder);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no cluster credentials at {path} (create them with 'marketsim cluster-cert {folder}')", path);
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password: null, X509KeyStorageFlags.Exportable);
        if (!certificate.HasPrivateKey)
        {
            throw new CryptographicException($"{path} holds no private key");
        }

        return new ClusterCredentials(certificate, folder);
    }

    /// <summary>True when <paramref name="peer"/> is exactly this run's certificate.</summary>
    public bool IsThisRuns(X509Certificate? peer) =>
        peer is not null
        && string.Equals(peer.GetCertHashString(HashAlgorithmName.SHA256), Thumbprint, StringComparison.OrdinalIgnoreCase);
}
