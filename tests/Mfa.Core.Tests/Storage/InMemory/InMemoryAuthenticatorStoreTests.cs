using Mfa.Core.Storage;
using Mfa.Core.Storage.InMemory;
using Mfa.Specification.Storage;

namespace Mfa.Core.Tests.Storage.InMemory;

[TestFixture]
public sealed class InMemoryAuthenticatorStoreTests : AuthenticatorStoreSpecification
{
    protected override Task<IAuthenticatorStore> CreateStoreAsync(TimeProvider time) => Task.FromResult<IAuthenticatorStore>(new InMemoryAuthenticatorStore());
}
