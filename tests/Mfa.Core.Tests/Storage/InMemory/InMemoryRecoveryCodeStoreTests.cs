using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

[TestFixture]
public sealed class InMemoryRecoveryCodeStoreTests : RecoveryCodeStoreSpecification
{
    protected override Task<IRecoveryCodeStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IRecoveryCodeStore>(new InMemoryRecoveryCodeStore());
}
