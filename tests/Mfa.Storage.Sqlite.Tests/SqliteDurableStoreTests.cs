using Mfa.Specification.Service;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>The durable-store guarantees on SQLite: each server opens the file with its own connections (the second unpooled).</summary>
[TestFixture]
public sealed class SqliteDurableStoreTests : DurableStoreSpecification
{
    protected override Task<IDurableTestStore> CreateStoreAsync() => Task.FromResult<IDurableTestStore>(new SqliteTestDatabase());
}
