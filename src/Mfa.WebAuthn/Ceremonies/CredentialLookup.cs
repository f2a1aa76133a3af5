using Mfa.Core;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// Finds, in the account being signed in to, the credential record whose id equals <c>credential.rawId</c> (§7.2 step 6).
/// </summary>
/// <param name="decoded">The response.</param>
/// <param name="credential">The record, when found and readable.</param>
/// <param name="message">A secret-free explanation on failure.</param>
/// <returns><see cref="MfaFailureReason.None"/>, or why there is no usable record.</returns>
internal delegate MfaFailureReason CredentialLookup(DecodedAssertion decoded, out AssertionCredential credential, out string? message);
