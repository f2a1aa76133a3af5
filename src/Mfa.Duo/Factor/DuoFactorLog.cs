using Microsoft.Extensions.Logging;

namespace Mfa.Duo.Factor;

/// <summary>The factor's own events (the failmode's are in <see cref="Failmode.DuoFailmodeLog"/>).</summary>
internal static partial class DuoFactorLog
{
    [LoggerMessage(EventId = Failmode.DuoEventIds.FailOpenCompleted, Level = LogLevel.Critical, Message = "Duo challenge {ChallengeId} of user {UserId} PASSED WITHOUT DUO (failmode open, {Failure}); the result is marked DuoBypassed")]
    public static partial void FailOpenCompleted(ILogger logger, string challengeId, string userId, Http.DuoFailureKind failure);

    [LoggerMessage(EventId = Failmode.DuoEventIds.PolicyBypass, Level = LogLevel.Warning, Message = "Duo waived the second factor for user {UserId} by policy; accepted: {Accepted}")]
    public static partial void PolicyBypass(ILogger logger, string userId, bool accepted);
}
