using System.Buffers.Text;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// The parameters of one registration, written as <c>PublicKeyCredentialCreationOptionsJSON</c> (WebAuthn L3 §5.4, §5.1)
/// so a page can pass it to <c>PublicKeyCredential.parseCreationOptionsFromJSON()</c>.
/// </summary>
internal sealed class CreationOptions
{
    public required string UserName { get; init; }

    public required string UserDisplayName { get; init; }

    public required ReadOnlyMemory<byte> UserHandle { get; init; }

    public required ReadOnlyMemory<byte> Challenge { get; init; }

    public required WebAuthnAuthenticatorKind Kind { get; init; }

    public required UserVerificationRequirement UserVerification { get; init; }

    public required ResidentKeyRequirement ResidentKey { get; init; }

    public required IReadOnlyList<CredentialDescriptor> ExcludeCredentials { get; init; }

    public string ToJson(RelyingPartyPolicy policy) => CeremonyJson.Write(writer =>
    {
        writer.WriteStartObject("rp");
        writer.WriteString("id", policy.RelyingPartyId);
        writer.WriteString("name", policy.RelyingPartyName);
        writer.WriteEndObject();

        writer.WriteStartObject("user");
        writer.WriteString("id", Base64Url.EncodeToString(UserHandle.Span));
        writer.WriteString("name", UserName);
        writer.WriteString("displayName", UserDisplayName);
        writer.WriteEndObject();

        writer.WriteString("challenge", Base64Url.EncodeToString(Challenge.Span));
        writer.WriteStartArray("pubKeyCredParams");
        foreach (var alg in policy.Algorithms)
        {
            writer.WriteStartObject();
            writer.WriteString("type", "public-key");
            writer.WriteNumber("alg", alg);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteNumber("timeout", (long)policy.Timeout.TotalMilliseconds);
        CeremonyJson.WriteDescriptors(writer, "excludeCredentials", ExcludeCredentials);

        writer.WriteStartObject("authenticatorSelection");
        writer.WriteString("authenticatorAttachment", Kind == WebAuthnAuthenticatorKind.Device ? "platform" : "cross-platform");
        writer.WriteString("residentKey", CeremonyJson.Name(ResidentKey));
        writer.WriteBoolean("requireResidentKey", ResidentKey == ResidentKeyRequirement.Required);
        writer.WriteString("userVerification", CeremonyJson.Name(UserVerification));
        writer.WriteEndObject();

        CeremonyJson.WriteHints(writer, [Kind == WebAuthnAuthenticatorKind.Device ? "client-device" : "security-key"]);
        writer.WriteString("attestation", CeremonyJson.Name(policy.Attestation));

        // credProps (§10.1.3) tells whether the authenticator made the credential discoverable.
        writer.WriteStartObject("extensions");
        writer.WriteBoolean("credProps", true);
        writer.WriteEndObject();
    });
}
