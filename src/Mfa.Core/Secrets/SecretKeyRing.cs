using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Mfa.Core.Secrets;

/// <summary>
/// The default protector's keys, read from <see cref="MfaOptions.SecretKey"/> (id <see cref="MfaOptions.DefaultSecretKeyId"/>)
/// and <see cref="MfaOptions.SecretKeys"/>: the primary key encrypts, every key decrypts. The rules live here once, for the
/// options validator (messages at start-up) and the protector (which refuses a ring that breaks them).
/// </summary>
internal sealed class SecretKeyRing
{
    public const int KeySize = 32;
    public const int MaxIdLength = 32;

    private SecretKeyRing((string Id, byte[] Key)[] keys, int primary)
    {
        Keys = keys;
        Primary = primary;
    }

    /// <summary>The keys, <see cref="MfaOptions.SecretKey"/> first; copies the ring owns.</summary>
    public IReadOnlyList<(string Id, byte[] Key)> Keys { get; }

    /// <summary>The index in <see cref="Keys"/> of the key that encrypts.</summary>
    public int Primary { get; }

    /// <summary>Builds the ring from valid options.</summary>
    /// <exception cref="OptionsValidationException">The options break a rule of <see cref="Validate"/>.</exception>
    public static SecretKeyRing From(MfaOptions options)
    {
        var errors = Validate(options).Select(e => $"MfaOptions.{e.Member}: {e.Message}").ToList();
        if (errors.Count > 0)
        {
            throw new OptionsValidationException(nameof(MfaOptions), typeof(MfaOptions), errors);
        }

        var keys = Entries(options).Select(e => (e.Id, e.Key.ToArray())).ToArray();
        var primaryId = options.PrimarySecretKeyId ?? keys[0].Id;
        return new SecretKeyRing(keys, Array.FindIndex(keys, k => k.Id == primaryId));
    }

    /// <summary>The rule violations of the key settings, each with the member it is about; messages never hold key bytes.</summary>
    public static IEnumerable<(string Message, string Member)> Validate(MfaOptions options)
    {
        if (options.SecretKeyMalformed)
        {
            yield return ("Mfa:SecretKey is not base64. Generate a key with `mfa keygen` and store it in a secret store.", nameof(MfaOptions.SecretKey));
        }

        foreach (var id in options.MalformedSecretKeyIds)
        {
            yield return ($"Mfa:SecretKeys:{id} is not base64. Generate a key with `mfa keygen` and store it in a secret store.", nameof(MfaOptions.SecretKeys));
        }

        var entries = Entries(options).ToList();
        if (entries.Count == 0)
        {
            if (!options.SecretKeyMalformed && options.MalformedSecretKeyIds.Count == 0)
            {
                yield return ("Set a 32-byte AES-256 key, base64 in Mfa:SecretKey or Mfa:SecretKeys:<id> (generate one with `mfa keygen`, keep it in a secret store), or configure another protector with UseDataProtection().", nameof(MfaOptions.SecretKey));
            }

            yield break;
        }

        if (options.SecretKey is not null && options.SecretKeys.ContainsKey(MfaOptions.DefaultSecretKeyId))
        {
            yield return ($"Duplicate key id '{MfaOptions.DefaultSecretKeyId}': SecretKey is the key with that id; rename the one in SecretKeys.", nameof(MfaOptions.SecretKeys));
        }

        foreach (var (id, key, member) in entries)
        {
            if (!IsValidId(id))
            {
                yield return ($"Key ids are 1 to {MaxIdLength} characters of A-Z, a-z, 0-9, '.', '_' and '-'.", member);
            }
            else if (key.Length != KeySize)
            {
                yield return ($"The key '{id}' must be a 32-byte AES-256 key; generate one with `mfa keygen`.", member);
            }
            else if (!key.Any(b => b != 0))
            {
                yield return ($"The key '{id}' is all zeros: generate a random key with `mfa keygen`.", member);
            }
        }

        foreach (var group in entries.GroupBy(e => e.Id, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return ($"Duplicate key ids differing only in case ({string.Join(", ", group.Select(e => e.Id))}); configuration keys ignore case.", nameof(MfaOptions.SecretKeys));
        }

        for (var i = 0; i < entries.Count; i++)
        {
            for (var j = i + 1; j < entries.Count; j++)
            {
                if (entries[i].Key.Length == entries[j].Key.Length && CryptographicOperations.FixedTimeEquals(entries[i].Key, entries[j].Key))
                {
                    yield return ($"The keys '{entries[i].Id}' and '{entries[j].Id}' are the same key; a new key must be newly generated.", nameof(MfaOptions.SecretKeys));
                }
            }
        }

        if (options.PrimarySecretKeyId is { } primary)
        {
            if (!entries.Any(e => e.Id == primary))
            {
                yield return ($"PrimarySecretKeyId '{primary}' names no configured key (configured: {Ids(entries)}).", nameof(MfaOptions.PrimarySecretKeyId));
            }
        }
        else if (entries.Count > 1)
        {
            yield return ($"Several keys are configured ({Ids(entries)}): set Mfa:PrimarySecretKeyId to the one that encrypts new secrets.", nameof(MfaOptions.PrimarySecretKeyId));
        }
    }

    public static bool IsValidId(string id) =>
        id.Length is >= 1 and <= MaxIdLength && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string Ids(List<(string Id, byte[] Key, string Member)> entries) => string.Join(", ", entries.Select(e => e.Id));

    private static IEnumerable<(string Id, byte[] Key, string Member)> Entries(MfaOptions options)
    {
        if (options.SecretKey is { } key)
        {
            yield return (MfaOptions.DefaultSecretKeyId, key, nameof(MfaOptions.SecretKey));
        }

        foreach (var (id, value) in options.SecretKeys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            yield return (id, value ?? [], $"{nameof(MfaOptions.SecretKeys)}:{id}");
        }
    }
}
