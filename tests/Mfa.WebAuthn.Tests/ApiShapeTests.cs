using Mfa.Testing;

namespace Mfa.WebAuthn.Tests;

/// <summary>The public surface of Mfa.WebAuthn is deliberate: any change must update PublicApi/Mfa.WebAuthn.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_CurrentSurface_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(WebAuthnFactor).Assembly);

    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(WebAuthnFactor).Assembly);
}
