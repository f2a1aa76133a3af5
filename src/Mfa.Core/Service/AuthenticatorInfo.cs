namespace Mfa.Core.Service;

/// <summary>What a user or an admin may see of an authenticator: never its secret data.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Kind">The factor kind.</param>
/// <param name="Name">The user-chosen name.</param>
/// <param name="CreatedAt">When it was enrolled.</param>
/// <param name="LastUsedAt">When it last answered a challenge successfully.</param>
public sealed record AuthenticatorInfo(string Id, string Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    /// <summary>What the authenticator is, when its factor knows (the WebAuthn model from FIDO metadata, "YubiKey 5 NFC"); <see langword="null"/> otherwise.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// Whether the authenticator can answer a challenge now. <see langword="false"/> when its factor reports it cannot
    /// (<see cref="Factors.IAuthenticatorHealth"/>: a push device whose address was unregistered); re-register or remove it.
    /// </summary>
    public bool IsUsable { get; init; } = true;

    /// <summary>
    /// The factor-specific sub-kind, safe to show, when the factor names one (<see cref="Factors.IAuthenticatorDescriber"/>;
    /// WebAuthn: <c>security-key</c>, <c>platform</c>, <c>passkey</c> for a synced or backup-eligible credential,
    /// <c>legacy-u2f</c>); <see langword="null"/> for other factors.
    /// </summary>
    public string? Variant { get; init; }

    internal static AuthenticatorInfo From(AuthenticatorRecord record) => new(record.Id, record.Kind, record.Name, record.CreatedAt, record.LastUsedAt) { Description = record.Description };
}
