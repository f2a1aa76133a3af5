namespace Mfa.Push.Transports.Fcm;

/// <summary>An OAuth 2.0 access token and when it stops being used (a margin before its real expiry).</summary>
internal sealed record FcmAccessToken(string Value, DateTimeOffset RefreshAt)
{
    /// <inheritdoc />
    public override string ToString() => $"FcmAccessToken {{ RefreshAt = {RefreshAt:O} }}";
}
