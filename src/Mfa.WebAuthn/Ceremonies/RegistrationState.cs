namespace Mfa.WebAuthn.Ceremonies;

/// <summary>The state of a begun registration, kept by the challenge store (never sent to the client).</summary>
internal sealed class RegistrationState
{
    public int V { get; init; } = 1;

    /// <summary>The user the ceremony was begun for.</summary>
    public required string UserId { get; init; }

    /// <summary>The id the new record gets: fixed at begin, so completing one registration twice stores one record.</summary>
    public string? AuthenticatorId { get; init; }

    /// <summary>The challenge, base64url.</summary>
    public required string Challenge { get; init; }

    /// <summary>The user handle sent as <c>user.id</c>, base64url.</summary>
    public required string UserHandle { get; init; }

    /// <summary>The authenticator kind being enrolled (<see cref="Credentials.CredentialKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The name for the new authenticator.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Whether <see cref="Name"/> is the default because the user gave none: then the model's name from the trust source
    /// (FIDO metadata), when known at completion, replaces it. Absent (false) in states written before this existed.
    /// </summary>
    public bool NameIsDefault { get; init; }

    /// <summary>Whether the UV flag must be set.</summary>
    public bool RequireUserVerification { get; init; }

    /// <summary>The offered algorithms (COSE ids).</summary>
    public required IReadOnlyList<int> Algorithms { get; init; }
}
