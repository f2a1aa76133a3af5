namespace Mfa.Push.Responses;

/// <summary>The push challenge state machine (push spec §4.2). Terminal states never change. Values are stable.</summary>
public enum PushChallengeStatus
{
    /// <summary>Waiting for the user.</summary>
    Pending = 0,

    /// <summary>Approved with the right number; the login page may complete it once, before the finalize deadline.</summary>
    Approved = 1,

    /// <summary>Denied on the phone.</summary>
    Denied = 2,

    /// <summary>Reported as fraud on the phone.</summary>
    FraudReported = 3,

    /// <summary>Approved with a wrong number: ended, counted as a failure.</summary>
    FailedNumber = 4,

    /// <summary>Not answered in time (or approved but not completed in time).</summary>
    Expired = 5,

    /// <summary>Cancelled by a new login or the user.</summary>
    Cancelled = 6,

    /// <summary>Approved and completed by the login page.</summary>
    Consumed = 7,
}
