using Mfa.Duo.Emulator;
using Mfa.Testing;

namespace Mfa.Duo.Tests;

/// <summary>The public surfaces of Mfa.Duo and Mfa.Duo.Emulator are deliberate: a change must update PublicApi/*.txt.</summary>
[TestFixture]
public sealed class ApiShapeTests
{
    [Test]
    public void GetExportedTypes_Duo_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(DuoOptions).Assembly);

    [Test]
    public void GetExportedTypes_Emulator_MatchesTheApprovedList() => ApiShape.AssertMatchesApprovedList(typeof(DuoEmulator).Assembly);

    [Test]
    public void GetExportedTypes_Classes_AreSealedOrStatic()
    {
        ApiShape.AssertClassesSealedOrStatic(typeof(DuoOptions).Assembly);
        ApiShape.AssertClassesSealedOrStatic(typeof(DuoEmulator).Assembly);
    }
}
