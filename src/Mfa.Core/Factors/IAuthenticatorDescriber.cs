namespace Mfa.Core.Factors;

/// <summary>
/// A factor that can name the sub-kind of one of its authenticators (a WebAuthn security key, platform authenticator,
/// synced passkey or legacy U2F key). The service shows it in <see cref="Service.AuthenticatorInfo.Variant"/>, so a user's
/// or an admin's list tells authenticators of one factor apart without reading the factor's record data.
/// </summary>
public interface IAuthenticatorDescriber
{
    /// <summary>The sub-kind of <paramref name="record"/>, safe to show (never secret).</summary>
    /// <param name="record">One of this factor's authenticator records.</param>
    /// <returns>A short, stable, lower-case token (WebAuthn: <c>security-key</c>, <c>platform</c>, <c>passkey</c>, <c>legacy-u2f</c>), or <see langword="null"/> when the factor has none or cannot read the record.</returns>
    string? DescribeVariant(AuthenticatorRecord record);
}
