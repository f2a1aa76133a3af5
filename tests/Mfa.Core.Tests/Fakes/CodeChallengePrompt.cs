using Mfa.Core.Factors;

namespace Mfa.Core.Tests.Fakes;

/// <summary>The test factor's challenge prompt: the code to answer with (a real factor never shows its answer).</summary>
public sealed class CodeChallengePrompt(string code) : ChallengePrompt
{
    public string Code { get; } = code;
}
