namespace Mfa.Core.Factors;

/// <summary>The base of factor-specific enrollment responses (what the user sends back to complete enrollment).</summary>
public abstract class EnrollmentResponse
{
    /// <summary>The factor this response is for.</summary>
    public abstract string Kind { get; }
}
