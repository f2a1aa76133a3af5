using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.Testing.WebAuthn;

/// <summary>A throwaway attestation CA and a packed attestation certificate it issued (WebAuthn L3 §8.2.1 fields).</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates(DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rootRequest = new CertificateRequest("CN=Test Attestation Root, O=Mfa.Sdk Tests, C=US", rootKey, HashAlgorithmName.SHA256);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        Root = rootRequest.CreateSelfSigned(notBefore.AddDays(-1), notAfter.AddDays(1));

        LeafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("C=US, O=Mfa.Sdk Tests, OU=Authenticator Attestation, CN=Test Key", LeafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        Leaf = leafRequest.Create(Root, notBefore, notAfter, [1, 2, 3, 4, 5, 6, 7, 8]);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Leaf { get; }

    /// <summary>The attestation private key (of <see cref="Leaf"/>).</summary>
    public ECDsa LeafKey { get; }

    public void Dispose()
    {
        Root.Dispose();
        Leaf.Dispose();
        LeafKey.Dispose();
    }
}
