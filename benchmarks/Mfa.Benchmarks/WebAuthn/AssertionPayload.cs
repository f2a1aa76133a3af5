using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mfa.Benchmarks.WebAuthn;

/// <summary>An assertion signed in the benchmark's setup: client data, authenticator data, signature, and its JSON form.</summary>
internal sealed class AssertionPayload
{
    private AssertionPayload(byte[] credentialId, byte[] clientDataJson, byte[] authenticatorData, byte[] signature)
    {
        CredentialId = credentialId;
        ClientDataJson = clientDataJson;
        AuthenticatorData = authenticatorData;
        Signature = signature;
    }

    public byte[] CredentialId { get; }

    public byte[] ClientDataJson { get; }

    public byte[] AuthenticatorData { get; }

    public byte[] Signature { get; }

    /// <summary>The <c>AuthenticationResponseJSON</c> a browser would post.</summary>
    public string ResponseJson
    {
        get
        {
            var id = Base64Url.EncodeToString(CredentialId);
            return "{\"id\":\"" + id + "\",\"rawId\":\"" + id + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"" + Base64Url.EncodeToString(ClientDataJson)
                + "\",\"authenticatorData\":\"" + Base64Url.EncodeToString(AuthenticatorData) + "\",\"signature\":\"" + Base64Url.EncodeToString(Signature) + "\"},\"clientExtensionResults\":{}}";
        }
    }

    /// <summary>Signs <c>authenticatorData || SHA-256(clientDataJSON)</c> for a get() ceremony (UP and UV set, counter 0).</summary>
    public static AssertionPayload Create(byte[] credentialId, string challenge, string origin, string rpId, Func<byte[], byte[]> sign)
    {
        var clientData = Encoding.UTF8.GetBytes($$"""{"type":"webauthn.get","challenge":"{{challenge}}","origin":"{{origin}}","crossOrigin":false}""");
        var authData = new byte[37];
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId), authData);
        authData[32] = 0x05;
        BinaryPrimitives.WriteUInt32BigEndian(authData.AsSpan(33), 0);
        return new AssertionPayload(credentialId, clientData, authData, sign([.. authData, .. SHA256.HashData(clientData)]));
    }
}
