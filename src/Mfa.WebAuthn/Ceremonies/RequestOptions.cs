using System.Buffers.Text;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// The parameters of one authentication, written as <c>PublicKeyCredentialRequestOptionsJSON</c> (WebAuthn L3 §5.5, §5.1)
/// so a page can pass it to <c>PublicKeyCredential.parseRequestOptionsFromJSON()</c>.
/// </summary>
internal sealed class RequestOptions
{
    public required ReadOnlyMemory<byte> Challenge { get; init; }

    public required IReadOnlyList<CredentialDescriptor> AllowCredentials { get; init; }

    public required UserVerificationRequirement UserVerification { get; init; }

    public IReadOnlyList<string> Hints { get; init; } = [];

    /// <summary>The AppID for the <c>appid</c> extension (§10.1.1), when legacy U2F keys may answer.</summary>
    public string? AppId { get; init; }

    public string ToJson(RelyingPartyPolicy policy) => CeremonyJson.Write(writer =>
    {
        writer.WriteString("challenge", Base64Url.EncodeToString(Challenge.Span));
        writer.WriteNumber("timeout", (long)policy.Timeout.TotalMilliseconds);
        writer.WriteString("rpId", policy.RelyingPartyId);
        CeremonyJson.WriteDescriptors(writer, "allowCredentials", AllowCredentials);
        writer.WriteString("userVerification", CeremonyJson.Name(UserVerification));
        if (Hints.Count > 0)
        {
            CeremonyJson.WriteHints(writer, Hints);
        }

        if (AppId is not null)
        {
            writer.WriteStartObject("extensions");
            writer.WriteString("appid", AppId);
            writer.WriteEndObject();
        }
    });
}
