namespace Mfa.Duo.Tests.Specification;

/// <summary>The factor conventions for Duo's Universal Prompt (browser redirect, OIDC).</summary>
[TestFixture]
public sealed class DuoUniversalPromptSpecificationTests : DuoFactorSpecificationTests
{
    protected override DuoChallengeMode Mode => DuoChallengeMode.UniversalPrompt;
}
