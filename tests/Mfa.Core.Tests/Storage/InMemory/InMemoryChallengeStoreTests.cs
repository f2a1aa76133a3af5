using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

[TestFixture]
public sealed class InMemoryChallengeStoreTests : ChallengeStoreSpecification
{
    protected override Task<IChallengeStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IChallengeStore>(new InMemoryChallengeStore());
}
