using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite.Tests.Specification;

[TestFixture]
public sealed class SqliteRecoveryCodeStoreTests : RecoveryCodeStoreSpecification
{
    private SqliteTestDatabase? _file;

    protected override async Task<IRecoveryCodeStore> CreateStoreAsync(TimeProvider time)
    {
        _file = new SqliteTestDatabase();
        return new RelationalRecoveryCodeStore(await _file.OpenAsync(time));
    }

    protected override async Task<IRecoveryCodeStore> CreatePeerAsync(IRecoveryCodeStore store, TimeProvider time) =>
        new RelationalRecoveryCodeStore(await _file!.OpenAsync(time, pooling: false));

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
