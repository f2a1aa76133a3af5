namespace Mfa.Core.Factors;

/// <summary>
/// A factor that can tell when one of its authenticators cannot answer a challenge right now (a phone whose push address
/// its push service reported gone). The service shows it in <see cref="Service.AuthenticatorInfo.IsUsable"/>, so the
/// user's status tells an admin or the user to re-register the device.
/// </summary>
public interface IAuthenticatorHealth
{
    /// <summary>Whether <paramref name="record"/> can currently answer a challenge of this factor.</summary>
    /// <param name="record">One of this factor's authenticator records.</param>
    /// <returns><see langword="false"/> when it cannot (the record is kept: it may recover, or be removed).</returns>
    bool IsUsable(AuthenticatorRecord record);
}
