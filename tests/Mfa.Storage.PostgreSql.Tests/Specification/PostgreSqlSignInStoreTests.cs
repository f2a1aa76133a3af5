using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests.Specification;

[TestFixture(PostgreSqlRoute.Direct)]
[TestFixture(PostgreSqlRoute.PgBouncer)]
[TestFixture(PostgreSqlRoute.DirectPrepared)]
public sealed class PostgreSqlSignInStoreTests(PostgreSqlRoute route) : SignInStoreSpecification
{
    private PostgreSqlTestDatabase? _schema;

    internal static SignInTestStores Over(RelationalDatabase database) => new(
        new RelationalSignInStore(database),
        new RelationalAuthenticatorStore(database),
        new RelationalChallengeStore(database),
        new RelationalAttemptCounterStore(database),
        new RelationalReplayGuardStore(database));

    protected override async Task<SignInTestStores> CreateStoreAsync(TimeProvider time)
    {
        _schema = new PostgreSqlTestDatabase(route);
        return Over(await _schema.OpenAsync(time));
    }

    protected override async Task<SignInTestStores> CreatePeerAsync(SignInTestStores store, TimeProvider time) =>
        Over(await _schema!.OpenAsync(time));

    [TearDown]
    public async Task DropSchemaAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
            _schema = null;
        }
    }
}
