using Mfa.Core.Factors;

namespace Mfa.Specification.Service;

/// <summary>The probe factor shows nothing at enrollment.</summary>
public sealed class ProbeEnrollmentPrompt : EnrollmentPrompt
{
    /// <summary>The one instance.</summary>
    public static ProbeEnrollmentPrompt Instance { get; } = new();
}
