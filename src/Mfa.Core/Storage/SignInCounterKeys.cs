namespace Mfa.Core.Storage;

/// <summary>The attempt counters a sign-in reads and writes.</summary>
/// <param name="User">The key of the user's throttle counter.</param>
/// <param name="AuthenticatorPrefix">The prefix that, followed by an authenticator id, keys that authenticator's consecutive failures.</param>
public sealed record SignInCounterKeys(string User, string AuthenticatorPrefix);
