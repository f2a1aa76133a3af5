namespace Mfa.WebAuthn.Ceremonies;

/// <summary>What a registration ceremony expects, from its begun state.</summary>
internal sealed class RegistrationExpectation
{
    /// <summary>The challenge that was issued.</summary>
    public required ReadOnlyMemory<byte> Challenge { get; init; }

    /// <summary>The algorithms offered in <c>pubKeyCredParams</c> (COSE ids).</summary>
    public required IReadOnlyCollection<int> Algorithms { get; init; }

    /// <summary>Whether the UV flag must be set.</summary>
    public bool RequireUserVerification { get; init; }

    /// <summary>Whether the UP flag must be set; only a conditional-mediation create may skip it (WebAuthn L3 §7.1).</summary>
    public bool RequireUserPresence { get; init; } = true;

    /// <summary>
    /// The <c>authenticatorAttachment</c> the options asked for (<c>platform</c> or <c>cross-platform</c>), or
    /// <see langword="null"/> when they asked for none.
    /// </summary>
    public string? Attachment { get; init; }

    /// <summary>
    /// The credential ids (canonical base64url) already registered for the user: the options' <c>excludeCredentials</c>,
    /// or the factor's records of the user. §7.1 step 26 refuses them.
    /// </summary>
    public IReadOnlyCollection<string> ExcludeCredentials { get; init; } = [];

    /// <summary>The time certificates are checked at.</summary>
    public required DateTimeOffset Now { get; init; }
}
