using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests.Specification;

[TestFixture(PostgreSqlRoute.Direct)]
[TestFixture(PostgreSqlRoute.PgBouncer)]
[TestFixture(PostgreSqlRoute.DirectPrepared)]
public sealed class PostgreSqlAuthenticatorStoreTests(PostgreSqlRoute route) : AuthenticatorStoreSpecification
{
    private PostgreSqlTestDatabase? _schema;

    protected override async Task<IAuthenticatorStore> CreateStoreAsync(TimeProvider time)
    {
        _schema = new PostgreSqlTestDatabase(route);
        return new RelationalAuthenticatorStore(await _schema.OpenAsync(time));
    }

    protected override async Task<IAuthenticatorStore> CreatePeerAsync(IAuthenticatorStore store, TimeProvider time) =>
        new RelationalAuthenticatorStore(await _schema!.OpenAsync(time));

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
