namespace Mfa.Duo.Factor;

/// <summary>A Duo binding record's data: only the Duo username (Duo holds the user's devices and secrets).</summary>
internal sealed record DuoAuthenticatorData(string Username);
