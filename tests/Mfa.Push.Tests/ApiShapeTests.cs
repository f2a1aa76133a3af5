using Mfa.Push.Device;
using Mfa.Testing;

namespace Mfa.Push.Tests;

/// <summary>The public surface of Mfa.Push and Mfa.Push.Device is deliberate: PublicAPI.Shipped/Unshipped.txt beside each package guard the members (RS0016); these tests check the classes are sealed or designed for inheritance.</summary>
[TestFixture]
public sealed class ApiShapeTests
{


    [Test]
    public void GetExportedTypes_PushClasses_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(PushOptions).Assembly);

    [Test]
    public void GetExportedTypes_DeviceClasses_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(PushDevice).Assembly);
}
