using Mfa.Testing;
using Mfa.Totp.Codes;

namespace Mfa.Totp.Tests;

/// <summary>The public surface of Mfa.Totp is deliberate: any change must update PublicApi/Mfa.Totp.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_CurrentSurface_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(TotpCode).Assembly);

    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(TotpCode).Assembly);
}
