namespace Mfa.Push.Responses;

/// <summary>What the user answered on the phone (push spec §5.2 <c>act</c>). Values are stable.</summary>
public enum PushAnswerAction
{
    /// <summary><c>approve</c>.</summary>
    Approve = 0,

    /// <summary><c>deny</c>.</summary>
    Deny = 1,

    /// <summary><c>report</c>: "this wasn't me" (push spec §7).</summary>
    Report = 2,
}
