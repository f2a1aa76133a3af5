namespace Mfa.Totp.CounterBased;

/// <summary>The state of an HOTP challenge: which response it takes (one code, or two consecutive codes to resynchronise).</summary>
internal sealed record HotpChallengeState(bool Resynchronization);
