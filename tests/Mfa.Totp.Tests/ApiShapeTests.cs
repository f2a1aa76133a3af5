using Mfa.Testing;
using Mfa.Totp.Codes;

namespace Mfa.Totp.Tests;

/// <summary>The public surface of Mfa.Totp is deliberate: PublicAPI.Shipped/Unshipped.txt beside each package guard the members (RS0016); these tests check the classes are sealed or designed for inheritance.</summary>
[TestFixture]
public sealed class ApiShapeTests
{

    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(TotpCode).Assembly);
}
