namespace Mfa.Totp.CounterBased;

/// <summary>
/// The JSON stored in an HOTP <see cref="Core.AuthenticatorRecord.Data"/>: the protected secret, parameters and the counter
/// the token started at. The counter's progress lives in the replay guard (the last accepted counter), never here.
/// </summary>
internal sealed record HotpAuthenticatorData(byte[] ProtectedSecret, string Algorithm, int Digits, long Counter);
