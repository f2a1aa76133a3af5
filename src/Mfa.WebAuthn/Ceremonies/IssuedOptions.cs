using System.Buffers.Text;
using System.Text.Json;
using Mfa.Core.Factors;

namespace Mfa.WebAuthn.Ceremonies;

/// <summary>
/// What a relying party issued, read back from <c>PublicKeyCredentialCreationOptionsJSON</c> or
/// <c>PublicKeyCredentialRequestOptionsJSON</c> (WebAuthn L3 §5.1) for stateless verification.
/// </summary>
internal sealed class IssuedOptions
{
    private const int MaxLength = 256 * 1024;
    private const int MaxChallengeBytes = 768;

    public required string RelyingPartyId { get; init; }

    public required byte[] Challenge { get; init; }

    public bool RequireUserVerification { get; init; }

    /// <summary>Creation: the offered algorithms.</summary>
    public IReadOnlyList<int> Algorithms { get; init; } = [];

    /// <summary>Creation: a platform attachment means a device authenticator.</summary>
    public WebAuthnAuthenticatorKind Kind { get; init; } = WebAuthnAuthenticatorKind.SecurityKey;

    /// <summary>Creation: the <c>authenticatorAttachment</c> asked for (<c>platform</c> or <c>cross-platform</c>), if any.</summary>
    public string? Attachment { get; init; }

    /// <summary>Creation: the <c>excludeCredentials</c> ids (canonical base64url).</summary>
    public IReadOnlyList<string> ExcludeCredentials { get; init; } = [];

    /// <summary>Request: the allowed credential ids (canonical base64url).</summary>
    public IReadOnlyList<string> AllowCredentials { get; init; } = [];

    /// <summary>Request: the <c>appid</c> extension input.</summary>
    public string? AppId { get; init; }

    public static bool TryParseCreation(string? json, out IssuedOptions? options, out string? message)
    {
        options = null;
        if (!TryParse(json, out var document, out message))
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!TryString(root, "rp", "id", out var rpId) || !TryChallenge(root, out var challenge)
                || !root.TryGetProperty("pubKeyCredParams", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
            {
                message = "The creation options lack rp.id, a challenge or pubKeyCredParams.";
                return false;
            }

            var algorithms = new List<int>();
            foreach (var parameter in parameters.EnumerateArray())
            {
                if (parameter.ValueKind != JsonValueKind.Object || !parameter.TryGetProperty("alg", out var alg)
                    || alg.ValueKind != JsonValueKind.Number || !alg.TryGetInt32(out var value))
                {
                    message = "A pubKeyCredParams entry has no integer alg.";
                    return false;
                }

                algorithms.Add(value);
            }

            if (!TryCredentialIds(root, "excludeCredentials", out var excluded))
            {
                message = "An excludeCredentials entry has no base64url id.";
                return false;
            }

            TryString(root, "authenticatorSelection", "userVerification", out var userVerification);
            TryString(root, "authenticatorSelection", "authenticatorAttachment", out var attachment);
            options = new IssuedOptions
            {
                RelyingPartyId = rpId,
                Challenge = challenge,
                Algorithms = algorithms,
                RequireUserVerification = userVerification == "required",
                Kind = attachment == "platform" ? WebAuthnAuthenticatorKind.Device : WebAuthnAuthenticatorKind.SecurityKey,
                Attachment = attachment is "platform" or "cross-platform" ? attachment : null,
                ExcludeCredentials = excluded,
            };
            return true;
        }
    }

    public static bool TryParseRequest(string? json, out IssuedOptions? options, out string? message)
    {
        options = null;
        if (!TryParse(json, out var document, out message))
        {
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!TryString(root, "rpId", null, out var rpId) || !TryChallenge(root, out var challenge))
            {
                message = "The request options lack rpId or a challenge.";
                return false;
            }

            if (!TryCredentialIds(root, "allowCredentials", out var allowed))
            {
                message = "An allowCredentials entry has no base64url id.";
                return false;
            }

            TryString(root, "userVerification", null, out var userVerification);
            options = new IssuedOptions
            {
                RelyingPartyId = rpId,
                Challenge = challenge,
                AllowCredentials = allowed,
                RequireUserVerification = userVerification == "required",
                AppId = TryString(root, "extensions", "appid", out var appId) ? appId : null,
            };
            return true;
        }
    }

    /// <summary>Reads a list of <c>PublicKeyCredentialDescriptorJSON</c> (absent: empty) into canonical base64url ids.</summary>
    private static bool TryCredentialIds(JsonElement root, string name, out List<string> ids)
    {
        ids = [];
        if (!root.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return true;
        }

        foreach (var descriptor in list.EnumerateArray())
        {
            if (!TryString(descriptor, "id", null, out var id) || !ResponseDecoder.TryDecode(id, RegistrationProcedure.MaxCredentialIdLength, out var bytes))
            {
                return false;
            }

            ids.Add(Base64Url.EncodeToString(bytes));
        }

        return true;
    }

    private static bool TryParse(string? json, out JsonDocument document, out string? message)
    {
        document = null!;
        message = "The options are not a JSON object.";
        // A lone surrogate or NUL: System.Text.Json would throw ArgumentException transcoding it.
        if (string.IsNullOrEmpty(json) || json.Length > MaxLength || !AuthenticatorNames.IsWellFormed(json))
        {
            return false;
        }

        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 16, AllowDuplicateProperties = false });
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a member name escaping a lone surrogate ("\ud800"), met by the duplicate check.
            return false;
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object || !AllTextReadable(document.RootElement))
        {
            document.Dispose();
            return false;
        }

        message = null;
        return true;
    }

    /// <summary>
    /// Reads every member name and string once: one that escapes a lone surrogate throws here, where it is a malformed
    /// input, instead of from <see cref="JsonElement.GetString"/> in a later step.
    /// </summary>
    private static bool AllTextReadable(JsonElement element)
    {
        try
        {
            ReadAllText(element);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        static void ReadAllText(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var member in element.EnumerateObject())
                    {
                        _ = member.Name;
                        ReadAllText(member.Value);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        ReadAllText(item);
                    }

                    break;
                case JsonValueKind.String:
                    _ = element.GetString();
                    break;
            }
        }
    }

    private static bool TryChallenge(JsonElement root, out byte[] challenge)
    {
        challenge = [];
        return TryString(root, "challenge", null, out var text) && ResponseDecoder.TryDecode(text, MaxChallengeBytes, out challenge) && challenge.Length > 0;
    }

    private static bool TryString(JsonElement element, string name, string? inner, out string value)
    {
        value = string.Empty;
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var found))
        {
            return false;
        }

        if (inner is not null && (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(inner, out found)))
        {
            return false;
        }

        if (found.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = found.GetString()!;
        return true;
    }
}
