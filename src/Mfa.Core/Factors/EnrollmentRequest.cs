namespace Mfa.Core.Factors;

/// <summary>The base of factor-specific enrollment requests. Derive from <see cref="EnrollmentRequest{TPrompt}"/>.</summary>
public abstract class EnrollmentRequest
{
    private protected EnrollmentRequest()
    {
    }

    /// <summary>The factor this request is for.</summary>
    public abstract string Kind { get; }

    /// <summary>
    /// A name for the new authenticator, chosen by the user (for example "Work phone"); 1 to 64 characters, no control or
    /// invisible formatting characters (<see cref="AuthenticatorNames"/>). <see langword="null"/>: the factor's default.
    /// </summary>
    public string? Name { get; init; }
}
