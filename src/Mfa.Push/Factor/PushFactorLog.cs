using Mfa.Push.AntiFatigue;
using Mfa.Push.Transports;
using Microsoft.Extensions.Logging;

namespace Mfa.Push.Factor;

/// <summary>The push factor's log messages (ids, kinds and outcomes only: never tokens, addresses or keys).</summary>
internal static partial class PushFactorLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "Push device {AuthenticatorId} of user {UserId} is gone: the {Kind} push service reported its address unregistered (challenge {ChallengeId}); it can still pull, or re-register its address")]
    public static partial void DeviceGone(ILogger logger, string challengeId, string userId, string authenticatorId, PushAddressKind kind);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Information, Message = "Push notification for challenge {ChallengeId} (user {UserId}, device {AuthenticatorId}, {Kind}) was not delivered: {Outcome}; the device can pull")]
    public static partial void DeliveryFailed(ILogger logger, string challengeId, string userId, string authenticatorId, PushAddressKind kind, PushSendOutcome outcome);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Warning, Message = "A push answer for challenge {ChallengeId} (user {UserId}) named a device but its signature did not verify")]
    public static partial void InvalidSignature(ILogger logger, string challengeId, string userId);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Push enrollment {EnrollmentId} refused: {Error}")]
    public static partial void EnrollmentRefused(ILogger logger, string enrollmentId, PushProtocolError error);

    [LoggerMessage(EventId = PushEventIds.ProofReplayed, Level = LogLevel.Warning, Message = "A device request proof of push device {AuthenticatorId} (user {UserId}) was replayed: refused")]
    public static partial void ProofReplayed(ILogger logger, string userId, string authenticatorId);

    [LoggerMessage(EventId = PushEventIds.AddressUpdated, Level = LogLevel.Information, Message = "Push device {AuthenticatorId} of user {UserId} updated its push address ({Kind}); key rotated: {KeyRotated}")]
    public static partial void AddressUpdated(ILogger logger, string userId, string authenticatorId, PushAddressKind? kind, bool keyRotated);

    [LoggerMessage(EventId = PushEventIds.AddressUpdateRefused, Level = LogLevel.Warning, Message = "A push address update for device {AuthenticatorId} (user {UserId}) was refused: {Error}")]
    public static partial void AddressUpdateRefused(ILogger logger, string userId, string authenticatorId, PushProtocolError error);

    [LoggerMessage(EventId = PushEventIds.FraudBlocked, Level = LogLevel.Critical, Message = "Push is BLOCKED for user {UserId} until {BlockedUntil} after a fraud report: no push was sent; investigate the sign-in attempt")]
    public static partial void FraudBlocked(ILogger logger, string userId, DateTimeOffset blockedUntil);

    [LoggerMessage(EventId = PushEventIds.DeviceMarkedGone, Level = LogLevel.Warning, Message = "Push device {AuthenticatorId} of user {UserId} is marked unusable: its push address is gone until the phone registers a new one")]
    public static partial void DeviceMarkedGone(ILogger logger, string userId, string authenticatorId);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Warning, Message = "Push challenge for user {UserId} not sent: anti-fatigue limit {Limit}")]
    public static partial void Limited(ILogger logger, string userId, PushLimit limit);
}
