using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests.Attestation;

/// <summary>
/// Synthetic attestation material: a test CA, a P-256 credential key, authenticator data and a client data hash,
/// plus helpers to issue attestation certificates with chosen subjects and extensions.
/// </summary>
internal sealed class AttestationFixture : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Aaguid = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");

    private readonly List<IDisposable> _owned = [];

    public AttestationFixture()
    {
        CaKey = Own(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var caRequest = new CertificateRequest("CN=Test Attestation Root, O=Mfa.Sdk Tests, C=US", CaKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        Ca = Own(caRequest.CreateSelfSigned(Now.AddYears(-5), Now.AddYears(20)));
        CredentialKey = Own(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        CoseKeyBytes = TestCbor.EncodeKey(CredentialKey, -7);
        AuthData = TestCbor.AuthData(CoseKeyBytes, aaguid: Aaguid);
        ClientDataHash = SHA256.HashData("{\"type\":\"webauthn.create\"}"u8);
        Assert.That(WebAuthn.Cose.CoseKey.TryDecode(CoseKeyBytes, false, out var key, out _), Is.True);
        CoseKey = key!;
    }

    public ECDsa CaKey { get; }

    public X509Certificate2 Ca { get; }

    public ECDsa CredentialKey { get; }

    public byte[] CoseKeyBytes { get; }

    public CoseKey CoseKey { get; }

    public byte[] AuthData { get; }

    public byte[] ClientDataHash { get; }

    public byte[] SignedData => [.. AuthData, .. ClientDataHash];

    public static string PackedSubject => "CN=Test Authenticator, OU=Authenticator Attestation, O=Mfa.Sdk Tests, C=US";

    public T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>Issues a certificate for <paramref name="subjectKey"/> signed by the test CA.</summary>
    public X509Certificate2 Issue(
        AsymmetricAlgorithm subjectKey,
        string subject = "CN=Test Authenticator, OU=Authenticator Attestation, O=Mfa.Sdk Tests, C=US",
        IEnumerable<X509Extension>? extensions = null,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? notAfter = null,
        bool isCa = false,
        bool basicConstraints = true)
    {
        var request = subjectKey switch
        {
            ECDsa ecdsa => new CertificateRequest(new X500DistinguishedName(subject), ecdsa, HashAlgorithmName.SHA256),
            RSA rsa => new CertificateRequest(new X500DistinguishedName(subject), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            _ => throw new ArgumentException("Unsupported key.", nameof(subjectKey)),
        };
        if (basicConstraints)
        {
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        }

        foreach (var extension in extensions ?? [])
        {
            request.CertificateExtensions.Add(extension);
        }

        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        return Own(request.Create(Ca.SubjectName, X509SignatureGenerator.CreateForECDsa(CaKey), notBefore ?? Now.AddYears(-1), notAfter ?? Now.AddYears(1), serial));
    }

    public static X509Extension AaguidExtension(byte[] aaguid, bool critical = false)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteOctetString(aaguid);
        return new X509Extension(AttestationCertificates.AaguidExtensionOid, writer.Encode(), critical);
    }

    public AttestationInput Input(
        string format,
        byte[] statement,
        DateTimeOffset? now = null,
        byte[]? clientDataHash = null,
        CoseKey? credentialKey = null,
        bool allowRs1 = false,
        bool requireCts = false,
        byte[]? aaguid = null) => new()
        {
            Format = format,
            Statement = statement,
            AuthenticatorData = AuthData,
            ClientDataHash = clientDataHash ?? ClientDataHash,
            RpIdHash = AuthData.AsMemory(0, 32),
            Aaguid = aaguid ?? Aaguid,
            CredentialId = AuthData.AsMemory(55, 16),
            CredentialPublicKey = credentialKey ?? CoseKey,
            Now = now ?? Now,
            AllowRs1 = allowRs1,
            RequireSafetyNetCtsProfileMatch = requireCts,
        };

    public CoseKey DecodeOther(ECCurve curve, int alg)
    {
        using var other = ECDsa.Create(curve);
        Assert.That(WebAuthn.Cose.CoseKey.TryDecode(TestCbor.EncodeKey(other, alg), false, out var key, out _), Is.True);
        return key!;
    }

    public void Dispose()
    {
        foreach (var disposable in _owned)
        {
            disposable.Dispose();
        }
    }
}
