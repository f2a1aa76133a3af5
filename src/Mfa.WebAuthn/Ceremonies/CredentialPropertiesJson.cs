namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The <c>credProps</c> client extension output (WebAuthn L3 §10.1.3).</summary>
internal sealed class CredentialPropertiesJson
{
    /// <summary>Whether the credential is discoverable (client-side resident).</summary>
    public bool? Rk { get; init; }
}
