using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>An "answer" for the code factor, which takes none: the service must refuse it.</summary>
public sealed class CodeAnswer : ChallengeAnswer
{
    public override string Kind => CodeFactor.DefaultKind;
}
