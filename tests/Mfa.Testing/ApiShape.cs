using System.Reflection;
using NUnit.Framework;

namespace Mfa.Testing;

/// <summary>STYLE.md §11 API-shape checks for a package's test project.</summary>
public static class ApiShape
{
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
