using System.Buffers.Text;
using System.Text.Json;
using Mfa.WebAuthn.Parsing;

namespace Mfa.Testing.WebAuthn;

/// <summary>One assertion of a <see cref="TestAuthenticator"/>; every property starts valid and may be broken.</summary>
public sealed class AssertionCeremony(TestAuthenticator authenticator, string challenge, string rpId)
    : CeremonyFields("webauthn.get", challenge, authenticator.Origin, rpId, AuthenticatorDataFlags.UserPresent | AuthenticatorDataFlags.UserVerified)
{
    /// <summary>The counter reported (defaults to the authenticator's next counter).</summary>
    public uint? SignCount { get; set; }

    public byte[] CredentialId { get; set; } = authenticator.CredentialId;

    /// <summary>The user handle returned; defaults to the authenticator's (null for a non-discoverable credential).</summary>
    public byte[]? UserHandle { get; set; } = authenticator.UserHandle;

    /// <inheritdoc />
    public override string ClientExtensionResults { get; set; } = "{}";

    /// <summary>Flip a bit of the signature.</summary>
    public bool CorruptSignature { get; set; }

    /// <summary>The <c>AuthenticationResponseJSON</c>; advances the authenticator's counter.</summary>
    public string ToJson()
    {
        var count = SignCount ?? authenticator.SignCount;
        authenticator.SignCount = count + 1;
        var clientData = ClientDataJson();
        var authData = TestAuthenticator.AuthenticatorData(RpId, Flags, count, attestedCredentialData: null, extensions: null);
        var signature = authenticator.Sign(authData, clientData);
        if (CorruptSignature)
        {
            signature[^1] ^= 1;
        }

        var id = Base64Url.EncodeToString(CredentialId);
        var userHandle = UserHandle is null ? string.Empty : ",\"userHandle\":\"" + Base64Url.EncodeToString(UserHandle) + "\"";
        return "{\"id\":" + JsonSerializer.Serialize(id) + ",\"rawId\":" + JsonSerializer.Serialize(id) + ",\"type\":\"public-key\",\"response\":{"
            + "\"clientDataJSON\":\"" + Base64Url.EncodeToString(clientData) + "\","
            + "\"authenticatorData\":\"" + Base64Url.EncodeToString(authData) + "\","
            + "\"signature\":\"" + Base64Url.EncodeToString(signature) + "\"" + userHandle + "},"
            + "\"authenticatorAttachment\":\"cross-platform\",\"clientExtensionResults\":" + ClientExtensionResults + "}";
    }
}
