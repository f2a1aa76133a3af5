namespace Mfa.Push.Transports.Apns;

/// <summary>A signed provider token and when it was made.</summary>
internal sealed record ApnsProviderToken(string Jwt, DateTimeOffset IssuedAt)
{
    /// <inheritdoc />
    public override string ToString() => $"ApnsProviderToken {{ IssuedAt = {IssuedAt:O} }}";
}
