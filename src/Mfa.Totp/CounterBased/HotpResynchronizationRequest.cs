using Mfa.Core;
using Mfa.Core.Factors;

namespace Mfa.Totp.CounterBased;

/// <summary>
/// Begins an HOTP resynchronisation (RFC 4226 §7.4): a challenge completed only by two consecutive codes
/// (<see cref="HotpResynchronizationResponse"/>), searched in <see cref="HotpOptions.ResynchronizationWindow"/> rather than the
/// look-ahead. For a token pressed many times without signing in. A success proves the user like any challenge and moves
/// the counter past the second code.
/// </summary>
/// <param name="purpose">What the challenge is for.</param>
public sealed class HotpResynchronizationRequest(MfaPurpose purpose) : ChallengeRequest(FactorKinds.Hotp, purpose);
