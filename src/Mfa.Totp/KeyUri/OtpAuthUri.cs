using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mfa.Totp.Codes;
using Mfa.Totp.Encoding;

namespace Mfa.Totp.KeyUri;

/// <summary>
/// An <c>otpauth://</c> URI (Google Authenticator "Key Uri Format"): built for enrollment QR codes, parsed for imports.
/// </summary>
/// <remarks><see cref="ToString"/> does not print the secret; <see cref="ToUriString"/> does, so treat its result as a secret.</remarks>
public sealed class OtpAuthUri
{
    /// <summary>The longest URI accepted by <see cref="TryParse"/>.</summary>
    public const int MaxLength = 4096;

    private readonly byte[] _secret;

    /// <summary>Creates a TOTP key URI.</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="issuer">The service name shown in the app (for example the company). Must not contain ':'.</param>
    /// <param name="accountName">The user's account name. Must not contain ':'.</param>
    /// <param name="parameters">The TOTP parameters.</param>
    public OtpAuthUri(ReadOnlySpan<byte> secret, string? issuer, string accountName, TotpParameters parameters)
        : this("totp", secret, issuer, accountName, parameters, counter: null)
    {
    }

    /// <summary>Creates an HOTP key URI (<c>otpauth://hotp/…&amp;counter=N</c>).</summary>
    /// <param name="secret">The shared secret.</param>
    /// <param name="issuer">The service name shown in the app. Must not contain ':'.</param>
    /// <param name="accountName">The user's account name. Must not contain ':'.</param>
    /// <param name="algorithm">The HMAC hash.</param>
    /// <param name="digits">The code length, 6 to 8.</param>
    /// <param name="counter">The initial counter (the Key Uri Format's required <c>counter</c> parameter).</param>
    /// <returns>The URI.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The counter is negative, or the algorithm or digits are out of range.</exception>
    public static OtpAuthUri ForHotp(ReadOnlySpan<byte> secret, string? issuer, string accountName, TotpAlgorithm algorithm, int digits, long counter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(counter);
        return new OtpAuthUri("hotp", secret, issuer, accountName, new TotpParameters(algorithm, digits), counter);
    }

    private OtpAuthUri(string type, ReadOnlySpan<byte> secret, string? issuer, string accountName, TotpParameters parameters, long? counter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountName);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        if (accountName.Contains(':', StringComparison.Ordinal) || (issuer?.Contains(':', StringComparison.Ordinal) ?? false))
        {
            throw new ArgumentException("Neither issuer nor account name may contain ':' (the Key Uri Format label separator).", nameof(accountName));
        }

        Type = type;
        _secret = secret.ToArray();
        Issuer = string.IsNullOrWhiteSpace(issuer) ? null : issuer;
        AccountName = accountName;
        Parameters = parameters;
        Counter = counter;
    }

    /// <summary>The OTP type: <c>totp</c> or <c>hotp</c>.</summary>
    public string Type { get; }

    /// <summary>The issuer, or <see langword="null"/>.</summary>
    public string? Issuer { get; }

    /// <summary>The account name.</summary>
    public string AccountName { get; }

    /// <summary>Algorithm, digits and period (defaults filled in: SHA1, 6, 30).</summary>
    public TotpParameters Parameters { get; }

    /// <summary>The initial counter of an <c>hotp</c> URI.</summary>
    public long? Counter { get; }

    /// <summary>A copy of the secret.</summary>
    /// <returns>The secret bytes.</returns>
    public byte[] GetSecret() => (byte[])_secret.Clone();

    /// <summary>Builds the URI text: <c>otpauth://totp/Issuer:account?secret=…&amp;issuer=…&amp;algorithm=…&amp;digits=…&amp;period=…</c>.</summary>
    /// <returns>The URI. It contains the secret.</returns>
    public string ToUriString()
    {
        var builder = new StringBuilder("otpauth://").Append(Type).Append('/');
        if (Issuer is not null)
        {
            builder.Append(Uri.EscapeDataString(Issuer)).Append(':');
        }

        builder.Append(Uri.EscapeDataString(AccountName))
            .Append("?secret=").Append(Base32.Encode(_secret));
        if (Issuer is not null)
        {
            builder.Append("&issuer=").Append(Uri.EscapeDataString(Issuer));
        }

        builder.Append("&algorithm=").Append(TotpAlgorithmNames.ToName(Parameters.Algorithm))
            .Append("&digits=").Append(Parameters.Digits.ToString(CultureInfo.InvariantCulture));
        if (Counter is { } counter)
        {
            builder.Append("&counter=").Append(counter.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("&period=").Append(Parameters.PeriodSeconds.ToString(CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"otpauth://{Type}/{Issuer}:{AccountName} (secret hidden)";

    /// <summary>Parses an <c>otpauth://</c> URI. Never throws for bad input.</summary>
    /// <param name="text">The URI.</param>
    /// <param name="uri">The parsed URI.</param>
    /// <param name="error">Why parsing failed (never echoes the secret).</param>
    /// <returns>Whether the URI parsed.</returns>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OtpAuthUri? uri, [NotNullWhen(false)] out string? error)
    {
        uri = null;
        error = Parse(text, ref uri);
        return error is null;
    }

    private static string? Parse(string? text, ref OtpAuthUri? result)
    {
        const string Scheme = "otpauth://";
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength)
        {
            return "The URI is empty or too long.";
        }

        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "The URI does not start with otpauth://.";
        }

        var rest = text.AsSpan(Scheme.Length);
        var slash = rest.IndexOf('/');
        if (slash <= 0)
        {
            return "The URI has no type.";
        }

        var type = rest[..slash].ToString().ToLowerInvariant();
        if (type is not ("totp" or "hotp"))
        {
            return "The OTP type must be totp or hotp.";
        }

        rest = rest[(slash + 1)..];
        var question = rest.IndexOf('?');
        var rawLabel = question < 0 ? rest : rest[..question];
        var query = question < 0 ? [] : rest[(question + 1)..];

        if (!TryUnescape(rawLabel, out var label) || label.Length == 0)
        {
            return "The label is missing or badly percent-encoded.";
        }

        // Key Uri Format: label = accountname / issuer (":" / "%3A") *"%20" accountname
        string? labelIssuer = null;
        var account = label;
        var colon = label.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            labelIssuer = label[..colon];
            account = label[(colon + 1)..].TrimStart(' ');
        }

        if (string.IsNullOrWhiteSpace(account) || account.Contains(':', StringComparison.Ordinal))
        {
            return "The label's account name is missing or contains ':'.";
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.ToString().Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? pair : pair[..equals];
            if (!TryUnescape((equals < 0 ? string.Empty : pair[(equals + 1)..]).AsSpan(), out var value))
            {
                return $"The parameter '{Truncated(name)}' is badly percent-encoded.";
            }

            if (!parameters.TryAdd(name, value))
            {
                return $"The parameter '{Truncated(name)}' appears twice.";
            }
        }

        if (!parameters.TryGetValue("secret", out var secretText) || secretText.Length == 0)
        {
            return "The secret parameter is required.";
        }

        if (!Base32.TryDecode(secretText, out var secret, out var secretError))
        {
            return "The secret is not valid Base32: " + secretError;
        }

        try
        {
            if (secret.Length == 0 || secret.Length > TotpSecret.MaxBytes)
            {
                return $"The secret must be 1 to {TotpSecret.MaxBytes} bytes.";
            }

            var issuer = parameters.GetValueOrDefault("issuer");
            if (issuer is not null && labelIssuer is not null && !string.Equals(issuer, labelIssuer, StringComparison.Ordinal))
            {
                return "The issuer parameter and the label's issuer prefix differ.";
            }

            if (!TotpAlgorithmNames.TryParse(parameters.GetValueOrDefault("algorithm") ?? "SHA1", out var algorithm))
            {
                return "The algorithm must be SHA1, SHA256 or SHA512.";
            }

            if (!TryInt(parameters.GetValueOrDefault("digits"), 6, out var digits) || digits is < Hotp.MinDigits or > Hotp.MaxDigits)
            {
                return "The digits parameter must be 6, 7 or 8.";
            }

            if (!TryInt(parameters.GetValueOrDefault("period"), 30, out var period) || period is < 1 or > 3600)
            {
                return "The period parameter must be 1 to 3600 seconds.";
            }

            long? counter = null;
            if (type == "hotp")
            {
                if (!long.TryParse(parameters.GetValueOrDefault("counter"), NumberStyles.None, CultureInfo.InvariantCulture, out var c))
                {
                    return "An hotp URI needs a non-negative counter parameter.";
                }

                counter = c;
            }

            var effectiveIssuer = issuer ?? labelIssuer;
            if (effectiveIssuer?.Contains(':', StringComparison.Ordinal) ?? false)
            {
                return "The issuer must not contain ':'.";
            }

            result = new OtpAuthUri(type, secret, effectiveIssuer, account, new TotpParameters(algorithm, digits, period), counter);
            return null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        if (text is null)
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryUnescape(ReadOnlySpan<char> text, out string value)
    {
        // Strict RFC 3986 percent-decoding to UTF-8; '+' is kept literally (it is not a space in a URI path or query per RFC 3986).
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !byte.TryParse(text.Slice(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    value = string.Empty;
                    return false;
                }

                bytes.Add(b);
                i += 2;
            }
            else if (c > 0x7F || char.IsControl(c))
            {
                value = string.Empty;
                return false;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }

        try
        {
            value = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString([.. bytes]);
            return !value.Any(char.IsControl);
        }
        catch (DecoderFallbackException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static string Truncated(string name) => name.Length <= 20 ? name : name[..20] + "…";
}
