using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite.Tests.Specification;

[TestFixture(false)]
[TestFixture(true)]
public sealed class SqliteSignInStoreTests(bool durableBegin) : SignInStoreSpecification
{
    private SqliteTestDatabase? _file;

    internal static SignInTestStores Over(RelationalDatabase database) => new(
        new RelationalSignInStore(database),
        new RelationalAuthenticatorStore(database),
        new RelationalChallengeStore(database),
        new RelationalAttemptCounterStore(database),
        new RelationalReplayGuardStore(database));

    protected override async Task<SignInTestStores> CreateStoreAsync(TimeProvider time)
    {
        _file = new SqliteTestDatabase();
        return Over(await _file.OpenAsync(time, configure: o => o.DurableChallengeBegin = durableBegin));
    }

    protected override async Task<SignInTestStores> CreatePeerAsync(SignInTestStores store, TimeProvider time) =>
        Over(await _file!.OpenAsync(time, pooling: false, configure: o => o.DurableChallengeBegin = durableBegin));

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
