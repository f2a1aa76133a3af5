using Mfa.Specification.Service;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>The durable-store guarantees on PostgreSQL: each server has its own data source (connection pool).</summary>
[TestFixture(PostgreSqlRoute.Direct)]
[TestFixture(PostgreSqlRoute.PgBouncer)]
[TestFixture(PostgreSqlRoute.DirectPrepared)]
public sealed class PostgreSqlDurableStoreTests(PostgreSqlRoute route) : DurableStoreSpecification
{
    protected override Task<IDurableTestStore> CreateStoreAsync() => Task.FromResult<IDurableTestStore>(new PostgreSqlTestDatabase(route));
}
