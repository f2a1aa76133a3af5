using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests.Specification;

[TestFixture(PostgreSqlRoute.Direct)]
[TestFixture(PostgreSqlRoute.PgBouncer)]
[TestFixture(PostgreSqlRoute.DirectPrepared)]
public sealed class PostgreSqlRecoveryCodeStoreTests(PostgreSqlRoute route) : RecoveryCodeStoreSpecification
{
    private PostgreSqlTestDatabase? _schema;

    protected override async Task<IRecoveryCodeStore> CreateStoreAsync(TimeProvider time)
    {
        _schema = new PostgreSqlTestDatabase(route);
        return new RelationalRecoveryCodeStore(await _schema.OpenAsync(time));
    }

    protected override async Task<IRecoveryCodeStore> CreatePeerAsync(IRecoveryCodeStore store, TimeProvider time) =>
        new RelationalRecoveryCodeStore(await _schema!.OpenAsync(time));

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
