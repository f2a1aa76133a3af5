using Microsoft.Extensions.Logging;

namespace Mfa.Totp.CounterBased;

/// <summary>The HOTP factor's log messages (no secret or code ever appears).</summary>
internal static partial class HotpFactorLog
{
    [LoggerMessage(EventId = HotpEventIds.Resynchronized, Level = LogLevel.Information, Message = "HOTP authenticator {AuthenticatorId} of user {UserId}: two consecutive codes found the token {Skipped} counters ahead (challenge {ChallengeId}); the counter moves there once the replay guard accepts it")]
    public static partial void Resynchronized(ILogger logger, string authenticatorId, string userId, long skipped, string challengeId);

    [LoggerMessage(EventId = HotpEventIds.ResynchronizationRefused, Level = LogLevel.Warning, Message = "HOTP resynchronisation of user {UserId} refused: {Failure} (challenge {ChallengeId})")]
    public static partial void ResynchronizationRefused(ILogger logger, string userId, Mfa.Core.MfaFailureReason failure, string challengeId);
}
