namespace Mfa.Core.Service;

/// <summary>What a user or an admin may see of an authenticator: never its secret data.</summary>
/// <param name="Id">The record id.</param>
/// <param name="Kind">The factor kind.</param>
/// <param name="Name">The user-chosen name.</param>
/// <param name="CreatedAt">When it was enrolled.</param>
/// <param name="LastUsedAt">When it last answered a challenge successfully.</param>
public sealed record AuthenticatorInfo(string Id, string Kind, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    internal static AuthenticatorInfo From(AuthenticatorRecord record) => new(record.Id, record.Kind, record.Name, record.CreatedAt, record.LastUsedAt);
}
