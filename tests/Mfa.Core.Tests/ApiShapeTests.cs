using Mfa.Core.Factors;

namespace Mfa.Core.Tests;

/// <summary>
/// The public surface of Mfa.Core (STYLE.md §11): src/Mfa.Core/PublicAPI.*.txt guard every member (RS0016); every exported
/// class is sealed or static unless it is designed for inheritance.
/// </summary>
[TestFixture]
public sealed class ApiShapeTests
{
    /// <summary>Factor result and request base classes: each factor package derives its own types from them.</summary>
    private static readonly Type[] s_designedForInheritance =
    [
        typeof(ChallengePrompt),
        typeof(ChallengeRequest),
    ];

    private static IReadOnlyList<Type> Exported => typeof(MfaUser).Assembly.GetExportedTypes();


    [Test]
    public void GetExportedTypes_Classes_SealedStaticAbstractOrDesignedForInheritance()
    {
        var open = Exported.Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !s_designedForInheritance.Contains(t)).Select(t => t.FullName);

        Assert.That(open, Is.Empty);
    }

    [Test]
    public void DesignedForInheritance_Listed_AreExportedAndUnsealed()
    {
        Assert.That(s_designedForInheritance, Has.All.Matches<Type>(t => t!.IsPublic && !t.IsSealed && !t.IsAbstract));
    }

    [Test]
    public void GetExportedTypes_Namespaces_CoreOrDependencyInjection()
    {
        var namespaces = Exported.Select(t => t.Namespace!).Distinct();

        Assert.That(namespaces, Has.All.StartsWith("Mfa.Core").Or.EqualTo("Microsoft.Extensions.DependencyInjection"));
    }
}
