namespace Mfa.Core;

/// <summary>
/// One enrolled authenticator: a TOTP secret, a WebAuthn credential, a push device or a Duo binding.
/// </summary>
/// <remarks>
/// <see cref="Data"/> is the factor's own JSON; secrets inside it are protected with <see cref="Secrets.ISecretProtector"/>.
/// <see cref="Version"/> is the optimistic-concurrency token: stores refuse an update whose version is not the stored one.
/// <see cref="ToString"/> never prints <see cref="Data"/>.
/// </remarks>
public sealed record AuthenticatorRecord
{
    /// <summary>The record id (random, URL-safe).</summary>
    public required string Id { get; init; }

    /// <summary>The owner's <see cref="MfaUser.Id"/>.</summary>
    public required string UserId { get; init; }

    /// <summary>The factor (<see cref="Factors.FactorKinds"/>).</summary>
    public required string Kind { get; init; }

    /// <summary>The user-chosen name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// What the authenticator is, when its factor knows (the WebAuthn model from FIDO metadata, "YubiKey 5 NFC"), or
    /// <see langword="null"/>. Not secret; shown in <see cref="Service.AuthenticatorInfo.Description"/>.
    /// </summary>
    public string? Description { get; init; }

    /// <summary>A globally unique lookup key within the factor (the base64url WebAuthn credential id), or <see langword="null"/>.</summary>
    public string? CredentialId { get; init; }

    /// <summary>The factor's data as JSON (secrets protected).</summary>
    public required string Data { get; init; }

    /// <summary>When the authenticator was enrolled.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the authenticator last answered a challenge successfully.</summary>
    public DateTimeOffset? LastUsedAt { get; init; }

    /// <summary>The concurrency token; set by the store.</summary>
    public long Version { get; init; }

    /// <summary>Creates a new random record id.</summary>
    /// <returns>A 128-bit random id, base64url.</returns>
    public static string NewId() => Base64Url.NewRandom(16);

    /// <inheritdoc />
    public override string ToString() => $"AuthenticatorRecord {{ Id = {Id}, Kind = {Kind}, UserId = {UserId}, Version = {Version} }}";
}
