namespace Mfa.Core.Storage;

/// <summary>The last accepted TOTP time step per authenticator (RFC 6238 §5.2).</summary>
public interface IReplayGuardStore
{
    /// <summary>
    /// Atomically records <paramref name="timeStep"/> as the last accepted step if it is greater than the stored one
    /// (or none is stored).
    /// </summary>
    /// <param name="authenticatorId">The authenticator.</param>
    /// <param name="timeStep">The step that was matched.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> if advanced; <see langword="false"/> if the step was already used (a replay). Exactly one concurrent caller wins.</returns>
    Task<bool> TryAdvanceStepAsync(string authenticatorId, long timeStep, CancellationToken cancellationToken = default);

    /// <summary>Reads the last accepted step.</summary>
    /// <param name="authenticatorId">The authenticator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The step, or <see langword="null"/>.</returns>
    Task<long?> GetLastStepAsync(string authenticatorId, CancellationToken cancellationToken = default);
}
