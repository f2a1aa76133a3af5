using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite.Tests.Specification;

[TestFixture(false)]
[TestFixture(true)]
public sealed class SqliteChallengeStoreTests(bool durableBegin) : ChallengeStoreSpecification
{
    private SqliteTestDatabase? _file;

    protected override async Task<IChallengeStore> CreateStoreAsync(TimeProvider time)
    {
        _file = new SqliteTestDatabase();
        return new RelationalChallengeStore(await _file.OpenAsync(time, configure: o => o.DurableChallengeBegin = durableBegin));
    }

    protected override async Task<IChallengeStore> CreatePeerAsync(IChallengeStore store, TimeProvider time) =>
        new RelationalChallengeStore(await _file!.OpenAsync(time, pooling: false, configure: o => o.DurableChallengeBegin = durableBegin));

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
