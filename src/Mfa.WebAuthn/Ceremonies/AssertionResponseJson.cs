using System.Text.Json.Serialization;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary><c>AuthenticatorAssertionResponseJSON</c> (WebAuthn L3 §5.1).</summary>
internal sealed class AssertionResponseJson
{
    [JsonPropertyName("clientDataJSON")]
    public string? ClientDataJson { get; init; }

    public string? AuthenticatorData { get; init; }

    public string? Signature { get; init; }

    public string? UserHandle { get; init; }

    public string? AttestationObject { get; init; }
}
