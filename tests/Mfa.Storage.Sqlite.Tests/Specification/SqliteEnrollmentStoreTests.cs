using Mfa.Specification.Storage;
using Mfa.Storage.Relational;

namespace Mfa.Storage.Sqlite.Tests.Specification;

[TestFixture]
public sealed class SqliteEnrollmentStoreTests : EnrollmentStoreSpecification
{
    private SqliteTestDatabase? _file;

    protected override async Task<EnrollmentStores> CreateStoreAsync(TimeProvider time)
    {
        _file = new SqliteTestDatabase();
        var database = await _file.OpenAsync(time);
        return new EnrollmentStores(new RelationalEnrollmentStore(database), new RelationalChallengeStore(database), new RelationalAuthenticatorStore(database), new RelationalReplayGuardStore(database));
    }

    [TearDown]
    public async Task DisposeDatabaseAsync()
    {
        if (_file is not null)
        {
            await _file.DisposeAsync();
            _file = null;
        }
    }
}
