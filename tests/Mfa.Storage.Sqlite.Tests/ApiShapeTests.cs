using Mfa.Storage.Relational;
using Mfa.Testing;

namespace Mfa.Storage.Sqlite.Tests;

/// <summary>The public surface of Mfa.Storage.Sqlite and Mfa.Storage.Relational is deliberate: PublicAPI.Shipped/Unshipped.txt beside each package guard the members (RS0016); these tests check the classes are sealed or designed for inheritance.</summary>
[TestFixture]
public sealed class ApiShapeTests
{

    [Test]
    public void GetExportedTypes_Sqlite_ClassesAreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(SqliteStoreOptions).Assembly);


    [Test]
    public void GetExportedTypes_Relational_OnlyTheOptionsBaseIsOpen() =>
        ApiShape.AssertClassesSealedOrStatic(typeof(RelationalStoreOptions).Assembly, typeof(RelationalStoreOptions));
}
