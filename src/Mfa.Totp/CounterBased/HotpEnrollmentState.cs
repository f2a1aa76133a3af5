namespace Mfa.Totp.CounterBased;

/// <summary>The state kept in the challenge store between begin and complete enrollment (the secret protected).</summary>
internal sealed record HotpEnrollmentState(string AuthenticatorId, string Name, byte[] ProtectedSecret, string Algorithm, int Digits, long Counter);
