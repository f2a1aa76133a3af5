namespace Mfa.WebAuthn.Parsing;

/// <summary>
/// Thrown by the WebAuthn parsers on structurally invalid input and converted to a typed failure by the public
/// <c>Try…</c>/<c>Verify</c> method that called the parser (STYLE §5). Never escapes the package.
/// </summary>
internal sealed class MalformedInputException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MalformedInputException()
    {
    }

    /// <summary>Creates the exception with a secret-free message.</summary>
    /// <param name="message">Which check failed.</param>
    public MalformedInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a secret-free message and a cause.</summary>
    /// <param name="message">Which check failed.</param>
    /// <param name="innerException">The cause.</param>
    public MalformedInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
