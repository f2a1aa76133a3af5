using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite.Tests.Specification;

[TestFixture]
public sealed class SqliteAuthenticatorStoreTests : AuthenticatorStoreSpecification
{
    private SqliteTestDatabase? _file;

    protected override async Task<IAuthenticatorStore> CreateStoreAsync(TimeProvider time)
    {
        _file = new SqliteTestDatabase();
        return new RelationalAuthenticatorStore(await _file.OpenAsync(time));
    }

    protected override async Task<IAuthenticatorStore> CreatePeerAsync(IAuthenticatorStore store, TimeProvider time) =>
        new RelationalAuthenticatorStore(await _file!.OpenAsync(time, pooling: false));

    [TearDown]
    public async Task DeleteFileAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }
    }
}
