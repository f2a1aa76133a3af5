using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

/// <summary>The in-memory stores complete enrollments through <see cref="SequentialEnrollmentStore"/>.</summary>
[TestFixture]
public sealed class InMemoryEnrollmentStoreTests : EnrollmentStoreSpecification
{
    protected override Task<EnrollmentStores> CreateStoreAsync(TimeProvider time)
    {
        var challenges = new InMemoryChallengeStore();
        var authenticators = new InMemoryAuthenticatorStore();
        var replayGuard = new InMemoryReplayGuardStore();
        return Task.FromResult(new EnrollmentStores(new SequentialEnrollmentStore(challenges, authenticators, replayGuard), challenges, authenticators, replayGuard));
    }
}
