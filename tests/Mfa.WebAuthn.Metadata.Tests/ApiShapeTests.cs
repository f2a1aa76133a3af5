using Mfa.Testing;
using Mfa.WebAuthn.Metadata.Blob;

namespace Mfa.WebAuthn.Metadata.Tests;

/// <summary>The public surface of Mfa.WebAuthn.Metadata is deliberate: any change must update PublicApi/Mfa.WebAuthn.Metadata.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_CurrentSurface_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(MetadataBlobVerifier).Assembly);

    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(MetadataBlobVerifier).Assembly);
}
