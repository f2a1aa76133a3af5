namespace Mfa.Core.Factors;

/// <summary>The base of factor-specific enrollment requests.</summary>
public abstract class EnrollmentRequest
{
    /// <summary>The factor this request is for.</summary>
    public abstract string Kind { get; }

    /// <summary>A name for the new authenticator, chosen by the user (for example "Work phone").</summary>
    public string? Name { get; init; }
}
