using System.Text.Json;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>The protected header of a metadata BLOB: <c>alg</c>, <c>x5c</c>, and whether it names a parameter this verifier refuses.</summary>
internal sealed class JwsHeader
{
    /// <summary>The parameters whose presence refuses the BLOB: remote keys and chains (x5u, jku), embedded keys (jwk), critical extensions (crit).</summary>
    private static readonly string[] s_refused = ["x5u", "jku", "jwk", "crit"];

    /// <summary>The most certificates an x5c may carry.</summary>
    private const int MaxChainLength = 8;

    public string Algorithm { get; private init; } = string.Empty;

    /// <summary>The DER certificates of <c>x5c</c>, leaf first; empty when the header has none (the anchor then signs).</summary>
    public IReadOnlyList<byte[]> X5c { get; private init; } = [];

    public bool HasRefusedParameter { get; private init; }

    /// <summary>Reads the header JSON.</summary>
    /// <param name="json">The decoded header.</param>
    /// <param name="header">The header, when it is a JSON object with a string <c>alg</c> and a well-formed <c>x5c</c>.</param>
    /// <returns>Whether it parses.</returns>
    public static bool TryParse(byte[] json, out JwsHeader? header)
    {
        header = null;
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            var x5c = new List<byte[]>();
            if (root.TryGetProperty("x5c", out var chain))
            {
                if (chain.ValueKind != JsonValueKind.Array || chain.GetArrayLength() is 0 or > MaxChainLength)
                {
                    return false;
                }

                foreach (var item in chain.EnumerateArray())
                {
                    // RFC 7515 §4.1.6: each element is base64 (not base64url) DER.
                    if (item.ValueKind != JsonValueKind.String || !item.TryGetBytesFromBase64(out var der) || der.Length == 0)
                    {
                        return false;
                    }

                    x5c.Add(der);
                }
            }

            header = new JwsHeader
            {
                Algorithm = alg.GetString() ?? string.Empty,
                X5c = x5c,
                HasRefusedParameter = s_refused.Any(p => root.TryGetProperty(p, out _)),
            };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
