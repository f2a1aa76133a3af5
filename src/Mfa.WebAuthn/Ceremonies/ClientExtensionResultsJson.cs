namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The client extension outputs this RP reads (<c>appid</c>, <c>credProps</c>); others are ignored.</summary>
internal sealed class ClientExtensionResultsJson
{
    /// <summary>§10.1.1: whether the client used the AppID instead of the RP ID.</summary>
    public bool? Appid { get; init; }

    /// <summary>§10.1.3: credential properties.</summary>
    public CredentialPropertiesJson? CredProps { get; init; }
}
