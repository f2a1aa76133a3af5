using Microsoft.Extensions.Logging;

namespace Mfa.AspNetCore.Diagnostics;

/// <summary>The web package's log messages: ids, kinds and outcomes only, never tokens, codes or claims.</summary>
internal static partial class MfaWebLog
{
    [LoggerMessage(EventId = MfaWebEventIds.EventStreamEnded, Level = LogLevel.Debug, Message = "MFA event stream of user {UserId} for {Factor} ended: {Outcome}")]
    public static partial void EventStreamEnded(ILogger logger, string userId, string factor, string outcome);

    [LoggerMessage(EventId = MfaWebEventIds.SignInClaimRefused, Level = LogLevel.Warning, Message = "MFA sign-in claim refused for user {UserId}")]
    public static partial void SignInClaimRefused(ILogger logger, string userId);

    [LoggerMessage(EventId = MfaWebEventIds.DeviceRequestRefused, Level = LogLevel.Information, Message = "Push device request {Route} refused with {Status}")]
    public static partial void DeviceRequestRefused(ILogger logger, string route, int status);

    [LoggerMessage(EventId = MfaWebEventIds.StoreFault, Level = LogLevel.Error, Message = "MFA route {Route} answered 503: the store failed")]
    public static partial void StoreFault(ILogger logger, Exception exception, string route);
}
