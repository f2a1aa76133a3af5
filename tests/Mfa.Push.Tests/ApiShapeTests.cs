using Mfa.Push.Device;
using Mfa.Testing;

namespace Mfa.Push.Tests;

/// <summary>The public surface of Mfa.Push and Mfa.Push.Device is deliberate: any change must update PublicApi/*.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_Push_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(PushOptions).Assembly);

    [Test]
    public void GetExportedTypes_Device_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(PushDevice).Assembly);

    [Test]
    public void GetExportedTypes_PushClasses_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(PushOptions).Assembly);

    [Test]
    public void GetExportedTypes_DeviceClasses_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(PushDevice).Assembly);
}
