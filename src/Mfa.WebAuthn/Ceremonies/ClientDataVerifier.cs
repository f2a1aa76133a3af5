using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Unicode;
using Mfa.Core;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// Parses <c>clientDataJSON</c> (WebAuthn L3 §5.8.1) and checks it against the ceremony: type, challenge, origin,
/// crossOrigin, topOrigin and the legacy tokenBinding member. Parses JSON, never compares bytes, and allocates nothing.
/// </summary>
internal static class ClientDataVerifier
{
    /// <summary>The largest client data accepted, in bytes.</summary>
    public const int MaxLength = 16 * 1024;

    private const int MaxChallengeChars = 1024;

    private static readonly JsonReaderOptions s_readerOptions = new() { MaxDepth = 16, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Verifies client data; returns <see cref="MfaFailureReason.None"/> or the first failing check, in the spec's order.</summary>
    /// <param name="clientDataJson">The raw <c>clientDataJSON</c> bytes.</param>
    /// <param name="expectedType"><c>webauthn.create</c> or <c>webauthn.get</c>, UTF-8.</param>
    /// <param name="challenge">The challenge that was issued (raw bytes).</param>
    /// <param name="policy">The origins policy.</param>
    /// <param name="message">A secret-free explanation on failure.</param>
    /// <returns>The failure reason, or none.</returns>
    public static MfaFailureReason Verify(ReadOnlySpan<byte> clientDataJson, ReadOnlySpan<byte> expectedType, ReadOnlySpan<byte> challenge, RelyingPartyPolicy policy, out string? message)
    {
        // §7.1/§7.2: UTF-8 decode clientDataJSON (stripping a leading byte order mark), then parse it as JSON.
        if (clientDataJson.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            clientDataJson = clientDataJson[3..];
        }

        if (clientDataJson.Length > MaxLength || !Utf8.IsValid(clientDataJson))
        {
            message = "The client data is too long or not UTF-8.";
            return MfaFailureReason.MalformedInput;
        }

        Span<byte> received = stackalloc byte[MaxChallengeChars];
        var fields = default(Fields);
        try
        {
            if (!Parse(clientDataJson, expectedType, received, policy, ref fields))
            {
                message = "The client data is not a JSON object of the expected shape.";
                return MfaFailureReason.MalformedInput;
            }
        }
        catch (JsonException)
        {
            message = "The client data is not valid JSON.";
            return MfaFailureReason.MalformedInput;
        }
        catch (InvalidOperationException)
        {
            message = "The client data is not valid JSON.";
            return MfaFailureReason.MalformedInput;
        }

        return Check(fields, received[..fields.ChallengeLength], challenge, policy, out message);
    }

    private static MfaFailureReason Check(Fields fields, ReadOnlySpan<byte> received, ReadOnlySpan<byte> challenge, RelyingPartyPolicy policy, out string? message)
    {
        // Verify that the value of C.type is webauthn.create (§7.1) or webauthn.get (§7.2).
        if (!fields.TypeMatches)
        {
            message = "The client data type is not the one this ceremony expects.";
            return MfaFailureReason.WrongType;
        }

        // Verify that C.challenge equals the base64url encoding of options.challenge (compared in constant time).
        Span<byte> expected = stackalloc byte[Base64Url.GetEncodedLength(challenge.Length)];
        Base64Url.EncodeToUtf8(challenge, expected);
        if (!fields.HasChallenge || !CryptographicOperations.FixedTimeEquals(expected, received))
        {
            message = "The client data challenge is not the one issued.";
            return MfaFailureReason.WrongChallenge;
        }

        // Verify that C.origin is an origin the RP expects (§13.4.9): exact match against the configured list.
        if (!fields.OriginMatches)
        {
            message = "The client data origin is not allowed.";
            return MfaFailureReason.OriginNotAllowed;
        }

        // If C.crossOrigin is true, verify that the RP expects to run in a cross-origin iframe.
        if (fields.CrossOrigin && !policy.AllowCrossOrigin)
        {
            message = "The ceremony ran in a cross-origin iframe, which is not allowed.";
            return MfaFailureReason.OriginNotAllowed;
        }

        // If C.topOrigin is present, verify that the RP expects to be framed, and by that top-level origin.
        if (fields.HasTopOrigin && (!policy.AllowCrossOrigin || !fields.TopOriginMatches))
        {
            message = "The client data top origin is not allowed.";
            return MfaFailureReason.OriginNotAllowed;
        }

        // WebAuthn L2 §7.1 step 6 (the member is reserved in L3): a tokenBinding object must carry a TokenBindingStatus.
        if (fields.TokenBindingInvalid)
        {
            message = "The client data tokenBinding status is not 'present' or 'supported'.";
            return MfaFailureReason.MalformedInput;
        }

        message = null;
        return MfaFailureReason.None;
    }

    private static bool Parse(ReadOnlySpan<byte> json, ReadOnlySpan<byte> expectedType, Span<byte> challenge, RelyingPartyPolicy policy, ref Fields fields)
    {
        var reader = new Utf8JsonReader(json, s_readerOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var seen = Seen.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var member = Identify(ref reader);
            if (member != Seen.None && (seen & member) != Seen.None)
            {
                return false; // A duplicated member makes the client data ambiguous.
            }

            seen |= member;
            if (!reader.Read() || !ReadMember(ref reader, member, expectedType, challenge, policy, ref fields))
            {
                return false;
            }
        }

        // The object must be closed and nothing may follow it.
        return reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();
    }

    private static Seen Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueTextEquals("type"u8))
        {
            return Seen.Type;
        }

        if (reader.ValueTextEquals("challenge"u8))
        {
            return Seen.Challenge;
        }

        if (reader.ValueTextEquals("origin"u8))
        {
            return Seen.Origin;
        }

        if (reader.ValueTextEquals("crossOrigin"u8))
        {
            return Seen.CrossOrigin;
        }

        if (reader.ValueTextEquals("topOrigin"u8))
        {
            return Seen.TopOrigin;
        }

        return reader.ValueTextEquals("tokenBinding"u8) ? Seen.TokenBinding : Seen.None;
    }

    private static bool ReadMember(ref Utf8JsonReader reader, Seen member, ReadOnlySpan<byte> expectedType, Span<byte> challenge, RelyingPartyPolicy policy, ref Fields fields)
    {
        switch (member)
        {
            case Seen.Type:
                fields.TypeMatches = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(expectedType);
                return reader.TokenType == JsonTokenType.String;
            case Seen.Challenge:
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }

                // A longer value cannot be the issued challenge; leave it absent so the check reports WrongChallenge.
                if (reader.ValueSpan.Length <= challenge.Length)
                {
                    fields.ChallengeLength = reader.CopyString(challenge);
                    fields.HasChallenge = true;
                }

                return true;
            case Seen.Origin:
                fields.OriginMatches = reader.TokenType == JsonTokenType.String && MatchesAny(ref reader, policy.Origins);
                return reader.TokenType == JsonTokenType.String;
            case Seen.CrossOrigin:
                fields.CrossOrigin = reader.TokenType == JsonTokenType.True;
                return reader.TokenType is JsonTokenType.True or JsonTokenType.False;
            case Seen.TopOrigin:
                fields.HasTopOrigin = true;
                fields.TopOriginMatches = reader.TokenType == JsonTokenType.String && MatchesAny(ref reader, policy.TopOrigins);
                return reader.TokenType == JsonTokenType.String;
            case Seen.TokenBinding:
                return ReadTokenBinding(ref reader, ref fields);
            default:
                reader.Skip();
                return true;
        }
    }

    private static bool ReadTokenBinding(ref Utf8JsonReader reader, ref Fields fields)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // Some clients sent a bare string ("unused"); L3 reserves the member, so it is ignored.
            reader.Skip();
            return true;
        }

        var statusValid = false;
        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth))
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals("status"u8))
            {
                reader.Read();
                statusValid = reader.TokenType == JsonTokenType.String && (reader.ValueTextEquals("present"u8) || reader.ValueTextEquals("supported"u8));
                reader.Skip();
            }
            else
            {
                reader.Skip();
            }
        }

        fields.TokenBindingInvalid = !statusValid;
        return true;
    }

    private static bool MatchesAny(ref Utf8JsonReader reader, IReadOnlyList<byte[]> allowed)
    {
        for (var i = 0; i < allowed.Count; i++)
        {
            if (reader.ValueTextEquals(allowed[i]))
            {
                return true;
            }
        }

        return false;
    }

    [Flags]
    private enum Seen
    {
        None = 0,
        Type = 1,
        Challenge = 2,
        Origin = 4,
        CrossOrigin = 8,
        TopOrigin = 16,
        TokenBinding = 32,
    }

    private struct Fields
    {
        public bool TypeMatches;
        public bool HasChallenge;
        public int ChallengeLength;
        public bool OriginMatches;
        public bool CrossOrigin;
        public bool HasTopOrigin;
        public bool TopOriginMatches;
        public bool TokenBindingInvalid;
    }
}
