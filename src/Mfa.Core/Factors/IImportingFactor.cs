namespace Mfa.Core.Factors;

/// <summary>A factor that can take over authenticators registered elsewhere (<see cref="Service.IMfaService.ImportAuthenticatorAsync"/>).</summary>
public interface IImportingFactor : IFactor
{
    /// <summary>Checks an import and builds the record for it (the service stores it, refusing duplicates).</summary>
    /// <param name="context">The user, the validated name, the time and the user's authenticators of this factor.</param>
    /// <param name="import">The factor-specific import.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new record, or a failure.</returns>
    ValueTask<EnrollmentCompleteResult> ImportAsync(EnrollmentContext context, AuthenticatorImport import, CancellationToken cancellationToken = default);
}
