using System.Formats.Asn1;
using System.Numerics;

namespace Mfa.WebAuthn.Attestation;

/// <summary>
/// The parts of the Android Keystore key description extension (1.3.6.1.4.1.11129.2.1.17) that WebAuthn L3 §8.4
/// checks: the attestation challenge and, in each authorization list, purpose, origin and allApplications.
/// </summary>
internal sealed class AndroidKeyDescription
{
    /// <summary>The key description extension OID.</summary>
    public const string ExtensionOid = "1.3.6.1.4.1.11129.2.1.17";

    /// <summary>KM_ORIGIN_GENERATED.</summary>
    public const int OriginGenerated = 0;

    /// <summary>KM_PURPOSE_SIGN.</summary>
    public const int PurposeSign = 2;

    private const int TagPurpose = 1;
    private const int TagAllApplications = 600;
    private const int TagOrigin = 702;

    private AndroidKeyDescription(byte[] challenge, AuthorizationList softwareEnforced, AuthorizationList teeEnforced)
    {
        AttestationChallenge = challenge;
        SoftwareEnforced = softwareEnforced;
        TeeEnforced = teeEnforced;
    }

    /// <summary>attestationChallenge.</summary>
    public ReadOnlyMemory<byte> AttestationChallenge { get; }

    /// <summary>softwareEnforced.</summary>
    public AuthorizationList SoftwareEnforced { get; }

    /// <summary>teeEnforced (hardwareEnforced in KeyMint).</summary>
    public AuthorizationList TeeEnforced { get; }

    /// <summary>Parses the extension value (BER, which accepts DER).</summary>
    /// <param name="extensionValue">The extension's value.</param>
    /// <returns>The description.</returns>
    public static AndroidKeyDescription Parse(byte[] extensionValue)
    {
        // KeyDescription ::= SEQUENCE { attestationVersion INTEGER, attestationSecurityLevel ENUMERATED,
        //   keymasterVersion INTEGER, keymasterSecurityLevel ENUMERATED, attestationChallenge OCTET STRING,
        //   uniqueId OCTET STRING, softwareEnforced AuthorizationList, teeEnforced AuthorizationList, ... }
        var reader = new AsnReader(extensionValue, AsnEncodingRules.BER);
        var sequence = reader.ReadSequence();
        reader.ThrowIfNotEmpty();
        _ = sequence.ReadInteger();
        _ = sequence.ReadEncodedValue();
        _ = sequence.ReadInteger();
        _ = sequence.ReadEncodedValue();
        var challenge = sequence.ReadOctetString();
        _ = sequence.ReadOctetString();
        var software = ReadAuthorizationList(sequence.ReadSequence());
        var tee = ReadAuthorizationList(sequence.ReadSequence());
        return new AndroidKeyDescription(challenge, software, tee);
    }

    private static AuthorizationList ReadAuthorizationList(AsnReader list)
    {
        var purposes = new List<BigInteger>();
        BigInteger? origin = null;
        var allApplications = false;
        while (list.HasData)
        {
            var tag = list.PeekTag();
            if (tag.TagClass != TagClass.ContextSpecific)
            {
                _ = list.ReadEncodedValue();
                continue;
            }

            switch (tag.TagValue)
            {
                case TagPurpose:
                    // purpose [1] EXPLICIT SET OF INTEGER
                    var set = list.ReadSequence(tag).ReadSetOf(skipSortOrderValidation: true);
                    while (set.HasData)
                    {
                        purposes.Add(set.ReadInteger());
                    }

                    break;
                case TagOrigin:
                    origin = list.ReadSequence(tag).ReadInteger();
                    break;
                case TagAllApplications:
                    allApplications = true;
                    _ = list.ReadEncodedValue();
                    break;
                default:
                    _ = list.ReadEncodedValue();
                    break;
            }
        }

        return new AuthorizationList(purposes, origin, allApplications);
    }

    /// <summary>The checked fields of one AuthorizationList.</summary>
    /// <param name="Purposes">purpose values.</param>
    /// <param name="Origin">origin, when present.</param>
    /// <param name="AllApplications">Whether allApplications is present.</param>
    internal sealed record AuthorizationList(IReadOnlyList<BigInteger> Purposes, BigInteger? Origin, bool AllApplications);
}
