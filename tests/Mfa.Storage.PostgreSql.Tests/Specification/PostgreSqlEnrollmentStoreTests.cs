using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.PostgreSql.Tests.Specification;

[TestFixture]
public sealed class PostgreSqlEnrollmentStoreTests : EnrollmentStoreSpecification
{
    private PostgreSqlTestDatabase? _schema;

    protected override async Task<EnrollmentStores> CreateStoreAsync(TimeProvider time)
    {
        _schema = new PostgreSqlTestDatabase();
        var database = await _schema.OpenAsync(time);
        return new EnrollmentStores(new RelationalEnrollmentStore(database), new RelationalChallengeStore(database), new RelationalAuthenticatorStore(database), new RelationalReplayGuardStore(database));
    }

    [TearDown]
    public async Task DisposeDatabaseAsync()
    {
        if (_schema is not null)
        {
            await _schema.DisposeAsync();
            _schema = null;
        }
    }
}
