namespace Mfa.Core.Factors;

/// <summary>
/// A factor whose records hold secrets protected with <see cref="Secrets.ISecretProtector"/> (TOTP and HOTP seeds): it
/// can move a record's secrets to the key that encrypts new ones, for
/// <see cref="Service.IMfaAdministration.ReencryptSecretsAsync"/> after a key rotation.
/// </summary>
/// <remarks>
/// Pure like every factor step: the factor only rewrites the record's <see cref="AuthenticatorRecord.Data"/>; the service
/// writes it back with the record's concurrency token and re-reads on a conflict.
/// </remarks>
public interface IReprotectingFactor : IFactor
{
    /// <summary>Protects the record's secrets again under the newest key, unless they already are.</summary>
    /// <param name="record">One of this factor's records.</param>
    /// <returns>The record to write (same id, version and fields, new data), that it is current, or that no configured key opens it.</returns>
    SecretReprotection Reprotect(AuthenticatorRecord record);
}
