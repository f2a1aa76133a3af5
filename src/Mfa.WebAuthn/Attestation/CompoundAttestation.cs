using System.Formats.Cbor;
using Mfa.Core;
using Mfa.WebAuthn.Parsing;

namespace Mfa.WebAuthn.Attestation;

/// <summary>The <c>compound</c> attestation statement format (WebAuthn L3 §8.9): several self-contained statements.</summary>
/// <remarks>
/// attStmt is an array of at least two <c>{fmt, attStmt}</c> maps; each is verified with the same authenticator data
/// and client data hash, none may be compound, and all must verify. The result's type and trust path are those of the
/// first statement; <see cref="AttestationResult.Components"/> holds every statement's result.
/// </remarks>
internal static class CompoundAttestation
{
    /// <summary>The most statements accepted in one compound statement.</summary>
    public const int MaxStatements = 8;

    /// <summary>Verifies a compound statement.</summary>
    /// <param name="input">The input (its statement is the encoded array).</param>
    /// <returns>The result.</returns>
    public static AttestationResult Verify(AttestationInput input)
    {
        CborInput.CheckSingleItem(input.Statement, CborConformanceMode.Strict);
        var reader = new CborReader(input.Statement, CborConformanceMode.Strict);
        var count = reader.ReadStartArray();
        if (count is null or < 2 or > MaxStatements)
        {
            return AttestationVerifier.Fail(MfaFailureReason.MalformedInput, "A compound statement holds 2 to 8 statements.");
        }

        var components = new List<AttestationResult>(count.Value);
        try
        {
            for (var i = 0; i < count.Value; i++)
            {
                var component = AttestationStatement.Parse(reader.ReadEncodedValue());
                if (component.Count != 2)
                {
                    return AttestationVerifier.Fail(MfaFailureReason.MalformedInput, "A compound entry must be exactly { fmt, attStmt }.");
                }

                var format = component.GetText("fmt");
                var statement = component.GetEncoded("attStmt");
                var result = AttestationVerifier.Dispatch(
                    new AttestationInput
                    {
                        Format = format,
                        Statement = statement,
                        AuthenticatorData = input.AuthenticatorData,
                        ClientDataHash = input.ClientDataHash,
                        RpIdHash = input.RpIdHash,
                        Aaguid = input.Aaguid,
                        CredentialId = input.CredentialId,
                        CredentialPublicKey = input.CredentialPublicKey,
                        Now = input.Now,
                        AllowRs1 = input.AllowRs1,
                        RequireSafetyNetCtsProfileMatch = input.RequireSafetyNetCtsProfileMatch,
                    },
                    allowCompound: false);
                if (!result.Succeeded)
                {
                    return result;
                }

                components.Add(result);
            }

            reader.ReadEndArray();
            var first = components[0];
            var success = new AttestationResult { Type = first.Type, TrustPath = first.TrustPath, Components = components };
            components = null;
            return success;
        }
        finally
        {
            if (components is not null)
            {
                foreach (var component in components)
                {
                    AttestationCertificates.DisposeAll(component.TrustPath);
                }
            }
        }
    }
}
