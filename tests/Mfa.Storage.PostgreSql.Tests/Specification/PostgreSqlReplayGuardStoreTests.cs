using Mfa.Core.Storage;
using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests.Specification;

[TestFixture]
public sealed class PostgreSqlReplayGuardStoreTests : ReplayGuardStoreSpecification
{
    private PostgreSqlTestDatabase? _schema;

    protected override async Task<IReplayGuardStore> CreateStoreAsync(TimeProvider time)
    {
        _schema = new PostgreSqlTestDatabase();
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
