using Mfa.Testing;
using Mfa.WebAuthn.Metadata.Blob;

namespace Mfa.WebAuthn.Metadata.Tests;

/// <summary>The public surface of Mfa.WebAuthn.Metadata is deliberate: PublicAPI.Shipped/Unshipped.txt beside each package guard the members (RS0016); these tests check the classes are sealed or designed for inheritance.</summary>
[TestFixture]
public sealed class ApiShapeTests
{

    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic() => ApiShape.AssertClassesSealedOrStatic(typeof(MetadataBlobVerifier).Assembly);
}
