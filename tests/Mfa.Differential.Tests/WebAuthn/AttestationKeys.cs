using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>Attestation keys with self-signed certificates shaped as packed (§8.2.1) and fido-u2f attestations require.</summary>
internal sealed class AttestationKeys : IDisposable
{
    public AttestationKeys()
    {
        Packed = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        U2f = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        PackedCertificate = Certificate(Packed, "C=US, O=Mfa.Sdk Differential, OU=Authenticator Attestation, CN=Packed Test Attestation");
        U2fCertificate = Certificate(U2f, "CN=U2F Test Attestation");
    }

    public ECDsa Packed { get; }

    public ECDsa U2f { get; }

    public X509Certificate2 PackedCertificate { get; }

    public X509Certificate2 U2fCertificate { get; }

    public void Dispose()
    {
        Packed.Dispose();
        U2f.Dispose();
        PackedCertificate.Dispose();
        U2fCertificate.Dispose();
    }

    private static X509Certificate2 Certificate(ECDsa key, string subject)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return request.CreateSelfSigned(start, start.AddYears(20));
    }
}
