namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>The relying party both verifiers are configured as.</summary>
internal sealed record RelyingParty(string Id, IReadOnlyList<string> Origins, bool AllowCrossOrigin = false, IReadOnlyList<string>? TopOrigins = null);
