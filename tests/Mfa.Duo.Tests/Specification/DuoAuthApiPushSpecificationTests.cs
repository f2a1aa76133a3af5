namespace Mfa.Duo.Tests.Specification;

/// <summary>The factor conventions for Duo's Auth API with an asynchronous push, polled.</summary>
[TestFixture]
public sealed class DuoAuthApiPushSpecificationTests : DuoFactorSpecificationTests
{
    protected override DuoChallengeMode Mode => DuoChallengeMode.Push;
}
