namespace Mfa.WebAuthn.Ceremonies;

/// <summary><c>RegistrationResponseJSON</c> (WebAuthn L3 §5.1): what <c>PublicKeyCredential.toJSON()</c> gives after <c>create()</c>.</summary>
internal sealed class RegistrationResponseJson
{
    public string? Id { get; init; }

    public string? RawId { get; init; }

    public string? Type { get; init; }

    public AttestationResponseJson? Response { get; init; }

    public string? AuthenticatorAttachment { get; init; }

    public ClientExtensionResultsJson? ClientExtensionResults { get; init; }
}
