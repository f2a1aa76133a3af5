using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>What the sign-in page sends while it waits: nothing but "is there an outcome yet?".</summary>
public sealed class ApprovalPoll : ChallengeResponse
{
    public override string Kind => ApprovalFactor.FactorKind;
}
