using Mfa.Testing;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>The public surface of Mfa.Storage.PostgreSql is deliberate: a change updates PublicApi/.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_PostgreSql_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(PostgreSqlStoreOptions).Assembly);

    [Test]
    public void GetExportedTypes_PostgreSql_ClassesAreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(PostgreSqlStoreOptions).Assembly);
}
