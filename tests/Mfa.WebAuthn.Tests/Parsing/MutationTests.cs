using System.Security.Cryptography;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Cose;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Tests.Parsing;

/// <summary>Flips, truncates, extends and overwrites bytes of real attestation objects: nothing may throw.</summary>
[TestFixture]
public sealed class MutationTests
{
    private const int MutationsPerCase = 500;

    private static readonly string[] s_cases =
    [
        "reg-w3c-packed-es256", "reg-w3c-packed-self-es256", "reg-w3c-tpm-es256", "reg-w3c-android-key-es256",
        "reg-w3c-apple-es256", "reg-w3c-fido-u2f-es256", "reg-pywebauthn-android-safetynet", "reg-fido2netlib-packed-feitian-biopass",
        "reg-pywebauthn-tpm-surface-pro-4", "reg-w3c-packed-eddsa",
    ];

    [TestCaseSource(nameof(s_cases))]
    public void ParseAndVerify_RandomMutations_NeverThrow(string id)
    {
        var testCase = ConformanceCases.Registration(id);
        var original = ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!);
        var clientDataHash = SHA256.HashData(ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "clientDataJSON")!));
        var random = new Random(id.Length * 7919);
        var parsedCount = 0;

        for (var i = 0; i < MutationsPerCase; i++)
        {
            var mutated = Mutate(original, random);
            if (!AttestationObject.TryParse(mutated, out var value, out _))
            {
                continue;
            }

            parsedCount++;
            var attested = value!.AuthenticatorData.AttestedCredential!;
            if (!CoseKey.TryDecode(attested.CredentialPublicKey, allowRs1: true, out var key, out _))
            {
                continue;
            }

            var result = AttestationVerifier.Verify(new AttestationInput
            {
                Format = value.Format,
                Statement = value.Statement,
                AuthenticatorData = value.AuthenticatorData.Raw,
                ClientDataHash = clientDataHash,
                RpIdHash = value.AuthenticatorData.RpIdHash,
                Aaguid = attested.Aaguid,
                CredentialId = attested.CredentialId,
                CredentialPublicKey = key!,
                Now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
                AllowRs1 = true,
            });
            Assert.That(result.Succeeded || result.Message is not null, Is.True);
        }

        // Some mutations (inside signatures or certificates) still parse: the verifiers ran on them.
        Assert.That(parsedCount, Is.GreaterThan(0));
    }

    [Test]
    public void AuthenticatorDataTryParse_RandomMutations_NeverThrow()
    {
        var testCase = ConformanceCases.Registration("reg-w3c-packed-es256");
        Assert.That(AttestationObject.TryParse(ConformanceCases.Bytes(ConformanceCases.Text(testCase, "credential", "response", "attestationObject")!), out var value, out _), Is.True);
        var original = value!.AuthenticatorData.Raw.ToArray();
        var random = new Random(1234);
        var rejected = 0;

        for (var i = 0; i < 2000; i++)
        {
            var mutated = Mutate(original, random);
            if (!AuthenticatorData.TryParse(mutated, out var data, out _))
            {
                rejected++;
            }
            else if (data!.AttestedCredential is { } attested)
            {
                _ = CoseKey.TryDecode(attested.CredentialPublicKey, allowRs1: false, out _, out _);
            }
        }

        Assert.That(rejected, Is.GreaterThan(0));
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToArray();
        switch (random.Next(5))
        {
            case 0:
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    var index = random.Next(bytes.Length);
                    bytes[index] ^= (byte)(1 << random.Next(8));
                }

                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                var extra = new byte[random.Next(1, 16)];
                random.NextBytes(extra);
                return [.. bytes, .. extra];
            case 3:
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                return bytes;
            default:
                var at = random.Next(bytes.Length);
                return [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
        }
    }
}
