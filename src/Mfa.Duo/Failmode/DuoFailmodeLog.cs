using Mfa.Duo.Http;
using Microsoft.Extensions.Logging;

namespace Mfa.Duo.Failmode;

/// <summary>The failmode's log events (no secrets: the username and the failure kind only).</summary>
internal static partial class DuoFailmodeLog
{
    [LoggerMessage(EventId = DuoEventIds.FailOpen, Level = LogLevel.Critical, Message = "Duo unavailable ({Failure}): user {Username} let through WITHOUT Duo because the failmode is open")]
    public static partial void FailOpen(ILogger logger, string username, DuoFailureKind failure);

    [LoggerMessage(EventId = DuoEventIds.FailClosed, Level = LogLevel.Warning, Message = "Duo unavailable or refusing ({Failure}): sign-in of user {Username} denied")]
    public static partial void FailClosed(ILogger logger, string username, DuoFailureKind failure);
}
