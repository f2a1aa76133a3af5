using System.Security.Cryptography;
using Mfa.Core;
using Mfa.WebAuthn.Cose;

namespace Mfa.WebAuthn.Tests.Cose;

[TestFixture]
public sealed class CoseKeyConformanceTests
{
    private static IEnumerable<string> AuthenticationIds() => ConformanceCases.AuthenticationIds();

    [TestCaseSource(nameof(AuthenticationIds))]
    public void VerifySignature_AuthenticationCase_MatchesExpectedOutcome(string id)
    {
        var testCase = ConformanceCases.Authentication(id);
        var storedKey = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "storedCredential", "credentialPublicKey")!);
        var authData = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "authenticatorData")!);
        var clientData = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "clientDataJSON")!);
        var signature = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "signature")!);
        // auth-derived-neg-wrong-type swaps in another clientDataJSON: its signature is invalid too (acceptableErrors).
        var expectInvalid = ConformanceCases.Text(testCase, "expected", "error") == "signature-invalid"
            || ConformanceCases.AcceptableErrors(testCase).Contains("signature-invalid");

        var decoded = CoseKey.TryDecode(storedKey, allowRs1: false, out var key, out var failure);

        Assert.That(failure, Is.EqualTo(MfaFailureReason.None));
        Assert.That(decoded, Is.True);
        byte[] signed = [.. authData, .. SHA256.HashData(clientData)];
        Assert.That(key!.VerifySignature(signed, signature), Is.EqualTo(!expectInvalid));
    }
}
