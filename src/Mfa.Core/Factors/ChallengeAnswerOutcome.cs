namespace Mfa.Core.Factors;

/// <summary>What an answering party said. Values are stable.</summary>
public enum ChallengeAnswerOutcome
{
    /// <summary>Approved.</summary>
    Approved = 0,

    /// <summary>Denied by the user.</summary>
    Denied = 1,

    /// <summary>Denied and reported as fraud: the user did not start this sign-in.</summary>
    FraudReported = 2,
}
