using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

[TestFixture]
public sealed class InMemoryUserSettingsStoreTests : UserSettingsStoreSpecification
{
    protected override Task<IUserSettingsStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IUserSettingsStore>(new InMemoryUserSettingsStore());
}
