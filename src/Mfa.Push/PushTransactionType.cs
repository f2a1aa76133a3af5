namespace Mfa.Push;

/// <summary>What the user approves (push spec §4.3 <c>tx</c>), shown on the phone. Values are stable.</summary>
public enum PushTransactionType
{
    /// <summary><c>login</c>: a sign-in.</summary>
    Login = 0,

    /// <summary><c>stepup</c>: a step-up for a sensitive action.</summary>
    StepUp = 1,

    /// <summary><c>enroll</c>: binding a new authenticator.</summary>
    Enroll = 2,

    /// <summary><c>reset</c>: a password or account reset.</summary>
    Reset = 3,
}
