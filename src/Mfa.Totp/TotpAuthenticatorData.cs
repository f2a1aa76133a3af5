namespace Mfa.Totp;

/// <summary>The JSON stored in a TOTP <see cref="Core.AuthenticatorRecord.Data"/>: the protected secret and parameters.</summary>
internal sealed record TotpAuthenticatorData(byte[] ProtectedSecret, string Algorithm, int Digits, int PeriodSeconds, long T0);
