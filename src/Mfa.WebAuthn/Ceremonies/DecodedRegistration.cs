namespace Mfa.WebAuthn.Ceremonies;

/// <summary>A <c>RegistrationResponseJSON</c> with its base64url members decoded and checked for shape.</summary>
internal sealed class DecodedRegistration
{
    public required byte[] CredentialId { get; init; }

    public required byte[] ClientDataJson { get; init; }

    public required byte[] AttestationObject { get; init; }

    /// <summary>The known transports the client reported, in order, without duplicates.</summary>
    public required IReadOnlyList<string> Transports { get; init; }

    /// <summary>The <c>credProps.rk</c> client extension output, if present.</summary>
    public bool? Discoverable { get; init; }

    /// <summary>The <c>authenticatorAttachment</c> the client reported (<c>platform</c>, <c>cross-platform</c>), or <see langword="null"/>.</summary>
    public string? Attachment { get; init; }

    /// <summary>The <c>response.publicKeyAlgorithm</c> the client reported, if any.</summary>
    public long? PublicKeyAlgorithm { get; init; }
}
