using Mfa.Specification.Service;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>The durable-store guarantees on PostgreSQL: each server has its own data source (connection pool).</summary>
[TestFixture]
public sealed class PostgreSqlDurableStoreTests : DurableStoreSpecification
{
    protected override Task<IDurableTestStore> CreateStoreAsync() => Task.FromResult<IDurableTestStore>(new PostgreSqlTestDatabase());
}
