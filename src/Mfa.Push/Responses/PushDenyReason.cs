namespace Mfa.Push.Responses;

/// <summary>Why the user denied (push spec §5.2 <c>rsn</c>). Values are stable.</summary>
public enum PushDenyReason
{
    /// <summary>No reason given.</summary>
    None = 0,

    /// <summary><c>cancelled</c>: it was the user, who cancelled.</summary>
    Cancelled = 1,

    /// <summary><c>not_me</c>: the user did not start this sign-in.</summary>
    NotMe = 2,

    /// <summary><c>other</c>.</summary>
    Other = 3,
}
