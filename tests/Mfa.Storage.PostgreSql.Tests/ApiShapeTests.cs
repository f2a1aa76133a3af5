using Mfa.Testing;

namespace Mfa.Storage.PostgreSql.Tests;

/// <summary>The public surface of Mfa.Storage.PostgreSql is deliberate: PublicAPI.Shipped/Unshipped.txt beside each package guard the members (RS0016); these tests check the classes are sealed or designed for inheritance.</summary>
[TestFixture]
public sealed class ApiShapeTests
{

    [Test]
    public void GetExportedTypes_PostgreSql_ClassesAreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(PostgreSqlStoreOptions).Assembly);
}
