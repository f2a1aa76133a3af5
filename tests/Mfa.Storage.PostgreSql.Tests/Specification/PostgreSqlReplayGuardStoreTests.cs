using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests.Specification;

[TestFixture(PostgreSqlRoute.Direct)]
[TestFixture(PostgreSqlRoute.PgBouncer)]
[TestFixture(PostgreSqlRoute.DirectPrepared)]
public sealed class PostgreSqlReplayGuardStoreTests(PostgreSqlRoute route) : ReplayGuardStoreSpecification
{
    private PostgreSqlTestDatabase? _schema;

    protected override async Task<IReplayGuardStore> CreateStoreAsync(TimeProvider time)
    {
        _schema = new PostgreSqlTestDatabase(route);
        return new RelationalReplayGuardStore(await _schema.OpenAsync(time));
    }

    protected override async Task<IReplayGuardStore> CreatePeerAsync(IReplayGuardStore store, TimeProvider time) =>
        new RelationalReplayGuardStore(await _schema!.OpenAsync(time));

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
