using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

[TestFixture]
public sealed class InMemoryReplayGuardStoreTests : ReplayGuardStoreSpecification
{
    protected override Task<IReplayGuardStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IReplayGuardStore>(new InMemoryReplayGuardStore());
}
