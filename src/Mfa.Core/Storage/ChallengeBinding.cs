namespace Mfa.Core.Storage;

/// <summary>What a pending challenge was begun for. Completing it for anything else fails.</summary>
/// <param name="UserId">The user.</param>
/// <param name="FactorKind">The factor.</param>
/// <param name="AuthenticatorId">The authenticator, or <see langword="null"/> for any of the user's authenticators of the factor.</param>
/// <param name="Purpose">The purpose (<see cref="MfaPurpose.Value"/>), or a value no purpose has for a pending enrollment.</param>
public sealed record ChallengeBinding(string UserId, string FactorKind, string? AuthenticatorId, string Purpose);
