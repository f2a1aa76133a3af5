using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

/// <summary>The sign-in contract on the in-memory stores, composed one atomic call after another.</summary>
[TestFixture]
public sealed class InMemorySignInStoreTests : SignInStoreSpecification
{
    protected override Task<SignInTestStores> CreateStoreAsync(TimeProvider time)
    {
        var counters = new InMemoryAttemptCounterStore();
        var challenges = new InMemoryChallengeStore();
        var authenticators = new InMemoryAuthenticatorStore();
        var replayGuard = new InMemoryReplayGuardStore();
        return Task.FromResult(new SignInTestStores(new ComposedSignInStore(counters, challenges, authenticators, replayGuard), authenticators, challenges, counters, replayGuard));
    }
}
