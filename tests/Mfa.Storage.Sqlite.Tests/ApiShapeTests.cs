using Mfa.Storage.Relational;
using Mfa.Testing;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>The public surface of Mfa.Storage.Sqlite and Mfa.Storage.Relational is deliberate: a change updates PublicApi/.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_Sqlite_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(SqliteStoreOptions).Assembly);

    [Test]
    public void GetExportedTypes_Sqlite_ClassesAreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(SqliteStoreOptions).Assembly);

    [Test]
    public void GetExportedTypes_Relational_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(RelationalStoreOptions).Assembly);

    [Test]
    public void GetExportedTypes_Relational_OnlyTheOptionsBaseIsOpen() =>
        ApiShape.AssertClassesSealedOrStatic(typeof(RelationalStoreOptions).Assembly, typeof(RelationalStoreOptions));
}
