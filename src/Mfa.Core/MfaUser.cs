namespace Mfa.Core;

/// <summary>The user an MFA step is for: a stable identifier and a name to show on authenticators.</summary>
/// <remarks>
/// <see cref="Id"/> must be the host's immutable user key (not an e-mail address that can change hands).
/// Every pending challenge and every success is bound to it.
/// </remarks>
public sealed record MfaUser
{
    /// <summary>The longest accepted <see cref="Id"/>, in characters.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Creates a user.</summary>
    /// <param name="id">The stable, non-empty user identifier (at most <see cref="MaxIdLength"/> characters).</param>
    /// <param name="displayName">A human-readable name; shown in authenticator apps and on security keys.</param>
    /// <exception cref="ArgumentException">The id is empty, too long or not storable (NUL, a lone surrogate), or the display name is empty.</exception>
    public MfaUser(string id, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        if (id.Length > MaxIdLength)
        {
            throw new ArgumentException($"A user id has at most {MaxIdLength} characters.", nameof(id));
        }

        // One rule for every store: an id no store can hold (NUL, a lone surrogate) is refused before anything is written.
        if (!Factors.AuthenticatorNames.IsWellFormed(id))
        {
            throw new ArgumentException("A user id must not contain NUL or unpaired surrogate characters.", nameof(id));
        }

        Id = id;
        DisplayName = displayName;
    }

    /// <summary>The stable user identifier.</summary>
    public string Id { get; }

    /// <summary>The name shown to the user.</summary>
    public string DisplayName { get; }

    /// <summary>
    /// When the host's session of this user last completed MFA (<see cref="Service.MfaVerificationResult.VerifiedAt"/> of the
    /// success that signed them in or stepped up), or <see langword="null"/> if it never did. Factor changes
    /// (enrolling another authenticator, renaming, removing, new recovery codes) need it within
    /// <see cref="MfaOptions.RecentVerificationMaxAge"/>; a first enrollment does not.
    /// </summary>
    public DateTimeOffset? LastVerifiedAt { get; init; }
}
