namespace Mfa.WebAuthn.Ceremonies;

/// <summary>An <c>AuthenticationResponseJSON</c> with its base64url members decoded and checked for shape.</summary>
internal sealed class DecodedAssertion
{
    public required byte[] CredentialId { get; init; }

    /// <summary>The credential id in canonical base64url (how records store it).</summary>
    public required string CredentialIdText { get; init; }

    public required byte[] ClientDataJson { get; init; }

    public required byte[] AuthenticatorData { get; init; }

    public required byte[] Signature { get; init; }

    /// <summary>The user handle, when the authenticator returned one (discoverable credentials).</summary>
    public byte[]? UserHandle { get; init; }

    /// <summary>The <c>appid</c> client extension output, if present.</summary>
    public bool? AppIdUsed { get; init; }
}
