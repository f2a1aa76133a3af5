using System.Buffers.Text;
using System.Text.Json;
using Fido2NetLib;
using Mfa.WebAuthn;

namespace Mfa.Differential.Tests.WebAuthn;

/// <summary>
/// Runs a ceremony through Mfa.WebAuthn's lowest-level public entry point (<see cref="WebAuthnVerifier"/>: options JSON
/// and response JSON in) and through Fido2 4.3.3 (<c>MakeNewCredentialAsync</c> / <c>MakeAssertionAsync</c>, options
/// from the same JSON), each configured as the same relying party.
/// </summary>
internal static class Oracles
{
    public static Verdict MfaRegistration(string optionsJson, string responseJson, WebAuthnOptions options, DateTimeOffset now)
    {
        var result = WebAuthnVerifier.VerifyRegistration(optionsJson, responseJson, options, now);
        return result.Succeeded
            ? new Verdict(true, "ok", result.Credential!.Id, result.Credential.PublicKey.ToArray(), result.Credential.SignCount)
            : new Verdict(false, $"{result.FailureReason}: {result.Message}");
    }

    public static Verdict MfaAssertion(string requestJson, string responseJson, WebAuthnStoredCredential credential, WebAuthnOptions options)
    {
        var result = WebAuthnVerifier.VerifyAssertion(requestJson, responseJson, credential, options);
        return result.Succeeded
            ? new Verdict(true, "ok", credential.Id, null, result.NewSignCount)
            : new Verdict(false, $"{result.FailureReason}: {result.Message}");
    }

    public static async Task<Verdict> Fido2RegistrationAsync(string optionsJson, string responseJson, RelyingParty rp)
    {
        try
        {
            var fido2 = Create(rp);
            var created = await fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(responseJson)!,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = (_, _) => Task.FromResult(true),
            }).ConfigureAwait(false);
            return new Verdict(true, "ok", Base64Url.EncodeToString(created.Id), created.PublicKey, created.SignCount);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Verdict(false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    public static async Task<Verdict> Fido2AssertionAsync(string requestJson, string responseJson, byte[] storedPublicKey, uint storedSignCount, RelyingParty rp)
    {
        try
        {
            var fido2 = Create(rp);
            var result = await fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson)!,
                OriginalOptions = AssertionOptions.FromJson(requestJson),
                StoredPublicKey = storedPublicKey,
                StoredSignatureCounter = storedSignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (_, _) => Task.FromResult(true),
            }).ConfigureAwait(false);
            return new Verdict(true, "ok", Base64Url.EncodeToString(result.CredentialId), null, result.SignCount);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Verdict(false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static Fido2 Create(RelyingParty rp) => new(
        new Fido2Configuration
        {
            RPID = rp.Id,
            RPName = "Differential",
            Origins = new HashSet<string>([.. rp.Origins, .. rp.TopOrigins ?? []], StringComparer.Ordinal),
            AllowCrossOriginRequests = rp.AllowCrossOrigin,
        },
        metadataService: null);
}
