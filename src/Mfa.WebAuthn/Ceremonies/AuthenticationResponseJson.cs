namespace Mfa.WebAuthn.Ceremonies;

/// <summary><c>AuthenticationResponseJSON</c> (WebAuthn L3 §5.1): what <c>PublicKeyCredential.toJSON()</c> gives after <c>get()</c>.</summary>
internal sealed class AuthenticationResponseJson
{
    public string? Id { get; init; }

    public string? RawId { get; init; }

    public string? Type { get; init; }

    public AssertionResponseJson? Response { get; init; }

    public string? AuthenticatorAttachment { get; init; }

    public ClientExtensionResultsJson? ClientExtensionResults { get; init; }
}
