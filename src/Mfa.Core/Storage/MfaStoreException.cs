namespace Mfa.Core.Storage;

/// <summary>
/// A store could not be reached or gave up on a statement for a reason outside the caller's control (connection refused or
/// dropped, server shutting down, busy or I/O error): a transient fault. Each store package maps its driver's exceptions to
/// it; <see cref="Service.IMfaService"/> reports it as <see cref="MfaFailureReason.StoreUnavailable"/>.
/// </summary>
/// <remarks>
/// The message never holds data (no user id, code, secret or connection string); the driver's exception is
/// <see cref="Exception.InnerException"/> for the host's own diagnostics. A statement that failed with this exception may
/// or may not have taken effect (a commit whose acknowledgement was lost): every store operation is safe to retry.
/// </remarks>
public sealed class MfaStoreException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public MfaStoreException()
        : base("The MFA store is unavailable.")
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, without data.</param>
    public MfaStoreException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception around the driver's.</summary>
    /// <param name="message">What failed, without data.</param>
    /// <param name="innerException">The driver's exception.</param>
    public MfaStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
