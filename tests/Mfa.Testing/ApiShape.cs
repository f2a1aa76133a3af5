using System.Reflection;
using NUnit.Framework;

namespace Mfa.Testing;

/// <summary>STYLE.md §11 API-shape checks for a package's test project.</summary>
public static class ApiShape
{
    /// <summary>Asserts that the assembly exports exactly the types listed (one full name a line) in <c>PublicApi/NAME.txt</c> next to the tests.</summary>
    /// <param name="assembly">The package assembly.</param>
    public static void AssertMatchesApprovedList(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var name = assembly.GetName().Name!;
        var approved = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "PublicApi", name + ".txt")).Where(l => l.Length > 0).ToList();
        var actual = assembly.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal).ToList();
        if (!actual.SequenceEqual(approved, StringComparer.Ordinal))
        {
            // For review: the surface as it is now, next to the approved list in the test output folder.
            File.WriteAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "PublicApi", name + ".actual.txt"), actual);
        }

        Assert.That(actual, Is.EqualTo(approved), $"the public API changed: review it and update PublicApi/{name}.txt");
    }

    /// <summary>Asserts that every exported class is sealed or static, apart from the ones designed for inheritance.</summary>
    /// <param name="assembly">The package assembly.</param>
    /// <param name="designedForInheritance">The classes meant to be derived from.</param>
    public static void AssertClassesSealedOrStatic(Assembly assembly, params Type[] designedForInheritance)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var open = assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !(t.IsAbstract && t.IsSealed) && !designedForInheritance.Contains(t))
            .Select(t => t.FullName);
        Assert.That(open, Is.Empty);
    }
}
