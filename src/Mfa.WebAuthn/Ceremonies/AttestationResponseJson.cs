using System.Text.Json.Serialization;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary><c>AuthenticatorAttestationResponseJSON</c> (WebAuthn L3 §5.1).</summary>
internal sealed class AttestationResponseJson
{
    [JsonPropertyName("clientDataJSON")]
    public string? ClientDataJson { get; init; }

    public string? AttestationObject { get; init; }

    public string? AuthenticatorData { get; init; }

    public IReadOnlyList<string>? Transports { get; init; }

    public string? PublicKey { get; init; }

    public long? PublicKeyAlgorithm { get; init; }
}
