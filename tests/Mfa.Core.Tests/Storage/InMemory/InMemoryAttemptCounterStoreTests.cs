using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

[TestFixture]
public sealed class InMemoryAttemptCounterStoreTests : AttemptCounterStoreSpecification
{
    protected override Task<IAttemptCounterStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IAttemptCounterStore>(new InMemoryAttemptCounterStore());
}
