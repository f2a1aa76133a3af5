using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using Mfa.WebAuthn.Metadata.Blob;

namespace Mfa.WebAuthn.Metadata.Tests;

/// <summary>A throw-away MDS signing PKI (root → intermediate → leaf) that signs BLOBs and CRLs at run time, one change per test.</summary>
internal sealed class TestMdsPki : IDisposable
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_notBefore = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset s_notAfter = new(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ECDsa _leafKey;

    public TestMdsPki(bool intermediateIsCa = true, DateTimeOffset? leafNotAfter = null)
    {
        using var rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Root = CreateCa("CN=Test MDS Root", rootKey, issuer: null, issuerKey: null, isCa: true, serial: 1);
        using var intermediateKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Intermediate = CreateCa("CN=Test MDS CA-1", intermediateKey, Root, rootKey, intermediateIsCa, serial: 2);
        _leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=Test MDS Signer", _leafKey, HashAlgorithmName.SHA256);
        leafRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        Leaf = leafRequest.Create(Intermediate.SubjectName, X509SignatureGenerator.CreateForECDsa(intermediateKey), s_notBefore, leafNotAfter ?? s_notAfter, [3]);
    }

    public X509Certificate2 Root { get; }

    public X509Certificate2 Intermediate { get; }

    public X509Certificate2 Leaf { get; }

    public static string Payload(long no, string nextUpdate = "2025-02-01", params JsonObject[] entries) =>
        new JsonObject { ["legalHeader"] = "test", ["no"] = no, ["nextUpdate"] = nextUpdate, ["entries"] = new JsonArray([.. entries]) }.ToJsonString();

    public static JsonObject Entry(Guid aaguid, string description, string status, params byte[][] roots) => new()
    {
        ["aaguid"] = aaguid.ToString(),
        ["metadataStatement"] = new JsonObject
        {
            ["aaguid"] = aaguid.ToString(),
            ["description"] = description,
            ["protocolFamily"] = "fido2",
            ["attestationRootCertificates"] = new JsonArray([.. roots.Select(r => (JsonNode)Convert.ToBase64String(r))]),
        },
        ["statusReports"] = new JsonArray(new JsonObject { ["status"] = status, ["effectiveDate"] = "2024-06-01" }),
    };

    public static string Base64Url(string text) => System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));

    /// <summary>The header JSON for ES256 with x5c = [leaf, intermediate] (plus <paramref name="extra"/> members).</summary>
    public string Header(string alg = "ES256", string extra = "") =>
        $"{{\"alg\":\"{alg}\",\"typ\":\"JWT\",\"x5c\":[\"{Convert.ToBase64String(Leaf.RawData)}\",\"{Convert.ToBase64String(Intermediate.RawData)}\"]{extra}}}";

    /// <summary>A compact JWS signed by the leaf with ES256 (r‖s, or DER when <paramref name="derSignature"/>).</summary>
    public byte[] Sign(string payload, string? header = null, bool derSignature = false)
    {
        var input = Base64Url(header ?? Header()) + "." + Base64Url(payload);
        var signature = _leafKey.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256,
            derSignature ? DSASignatureFormat.Rfc3279DerSequence : DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return Encoding.ASCII.GetBytes(input + "." + System.Buffers.Text.Base64Url.EncodeToString(signature));
    }

    /// <summary>CRLs for the leaf (by the intermediate) and the intermediate (by the root), current at <see cref="Now"/> unless told.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Crls(bool revokeLeaf = false, DateTimeOffset? thisUpdate = null, DateTimeOffset? nextUpdate = null) =>
        [Crl(Intermediate, revokeLeaf ? Leaf : null, thisUpdate, nextUpdate), Crl(Root, null, thisUpdate, nextUpdate)];

    public static byte[] Crl(X509Certificate2 issuer, X509Certificate2? revoked, DateTimeOffset? thisUpdate = null, DateTimeOffset? nextUpdate = null)
    {
        var builder = new CertificateRevocationListBuilder();
        if (revoked is not null)
        {
            builder.AddEntry(revoked, Now.AddDays(-10));
        }

        return builder.Build(issuer, BigInteger.One, nextUpdate ?? Now.AddDays(7), HashAlgorithmName.SHA256, thisUpdate: thisUpdate ?? Now.AddDays(-1));
    }

    public MetadataBlobVerificationSettings Settings(IReadOnlyList<ReadOnlyMemory<byte>>? crls = null, bool requireRevocation = true, long? previous = null) => new()
    {
        TrustAnchors = [Root],
        RevocationLists = crls ?? Crls(),
        RequireRevocationCheck = requireRevocation,
        VerificationTime = Now,
        PreviousNumber = previous,
    };

    public void Dispose()
    {
        _leafKey.Dispose();
        Leaf.Dispose();
        Intermediate.Dispose();
        Root.Dispose();
    }

    private static X509Certificate2 CreateCa(string subject, ECDsa key, X509Certificate2? issuer, ECDsa? issuerKey, bool isCa, byte serial)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        if (issuer is null)
        {
            return request.CreateSelfSigned(s_notBefore, s_notAfter);
        }

        using var signed = request.Create(issuer.SubjectName, X509SignatureGenerator.CreateForECDsa(issuerKey!), s_notBefore, s_notAfter, [serial]);
        return signed.CopyWithPrivateKey(key);
    }
}
