namespace Mfa.Totp.Enrollment;

/// <summary>The state kept in the challenge store between begin and complete enrollment (the secret protected).</summary>
internal sealed record TotpEnrollmentState(string AuthenticatorId, string Name, byte[] ProtectedSecret, string Algorithm, int Digits, int PeriodSeconds, long T0);
