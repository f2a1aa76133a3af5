using Mfa.Duo.Emulator;
using Mfa.Testing;

namespace Mfa.Duo.Tests;

/// <summary>The public surfaces of Mfa.Duo and Mfa.Duo.Emulator are deliberate: PublicAPI.Shipped/Unshipped.txt beside each package guard the members (RS0016); these tests check the classes are sealed or designed for inheritance.</summary>
[TestFixture]
public sealed class ApiShapeTests
{


    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic()
    {
        ApiShape.AssertClassesSealedOrStatic(typeof(DuoOptions).Assembly);
        ApiShape.AssertClassesSealedOrStatic(typeof(DuoEmulator).Assembly);
    }
}
