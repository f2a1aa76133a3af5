using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Mfa.Cli.Cli;
using Mfa.WebAuthn;
using Mfa.WebAuthn.Attestation;
using Mfa.WebAuthn.Metadata;
using Mfa.WebAuthn.Metadata.Blob;
using Mfa.WebAuthn.Metadata.Entries;
using Mfa.WebAuthn.Metadata.Policy;
using Mfa.WebAuthn.Metadata.Provider;
using Microsoft.Extensions.Options;

namespace Mfa.Cli.WebAuthn;

/// <summary>
/// <c>mfa webauthn mds verify|show</c>: verify a FIDO Metadata Service BLOB (MDS3 §3.2) offline and look up a model;
/// also the <c>--mds</c> / <c>--trust-anchor</c> options of <c>verify-registration</c>.
/// </summary>
internal static class MdsCommands
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output)
    {
        if (args.Count == 0)
        {
            throw new CliUsageException("mds takes a command: verify or show.");
        }

        var rest = CliArguments.Parse([.. args.Skip(1)], "no-revocation");
        return args[0] switch
        {
            "verify" => await VerifyAsync(rest, output).ConfigureAwait(false),
            "show" => await ShowAsync(rest, output).ConfigureAwait(false),
            _ => throw new CliUsageException($"Unknown mds command '{args[0]}'."),
        };
    }

    private static async Task<int> VerifyAsync(CliArguments args, TextWriter output)
    {
        var (result, at) = await VerifyBlobAsync(args, "blob", "anchor").ConfigureAwait(false);
        args.EnsureAllUsed();
        var json = Outcome(result, at);
        if (result.Blob is { } blob)
        {
            json["entries"] = blob.Entries.Count;
            json["aaguidEntries"] = blob.Entries.Count(static e => e.Aaguid is not null);
            json["keyIdentifierEntries"] = blob.Entries.Count(static e => e.AttestationCertificateKeyIdentifiers.Count > 0);
            json["aaidEntries"] = blob.Entries.Count(static e => e.Aaid is not null);
            json["skippedEntries"] = blob.SkippedEntries;

            // Entries per status: an entry counts once for each distinct status among its reports.
            var counts = new JsonObject();
            foreach (var group in blob.Entries.SelectMany(static e => e.StatusReports.Select(static r => r.StatusName).Distinct(StringComparer.Ordinal))
                         .GroupBy(static s => s, StringComparer.Ordinal).OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal))
            {
                counts[group.Key] = group.Count();
            }

            json["statusCounts"] = counts;
        }

        CliJson.Write(output, json);
        return result.Succeeded ? ExitCodes.Success : ExitCodes.Rejected;
    }

    private static async Task<int> ShowAsync(CliArguments args, TextWriter output)
    {
        var key = args.Positional.Count == 1 ? args.Positional[0] : throw new CliUsageException("show takes one AAGUID (or a U2F key identifier, or a UAF AAID).");
        var (result, at) = await VerifyBlobAsync(args, "blob", "anchor").ConfigureAwait(false);
        args.EnsureAllUsed(maxPositional: 1);
        if (result.Blob is not { } blob)
        {
            CliJson.Write(output, Outcome(result, at));
            return ExitCodes.Rejected;
        }

        var entry = Guid.TryParse(key, out var aaguid) ? blob.FindByAaguid(aaguid) : blob.FindByAttestationCertificateKeyIdentifier(key) ?? blob.FindByAaid(key);
        if (entry is null)
        {
            CliJson.Write(output, new JsonObject { ["ok"] = false, ["failure"] = "UnknownAuthenticator", ["message"] = $"BLOB no {blob.Number} has no entry for '{key}'.", ["no"] = blob.Number });
            return ExitCodes.Rejected;
        }

        CliJson.Write(output, new JsonObject
        {
            ["ok"] = true,
            ["no"] = blob.Number,
            ["aaguid"] = entry.Aaguid?.ToString("D"),
            ["aaid"] = entry.Aaid,
            ["attestationCertificateKeyIdentifiers"] = new JsonArray([.. entry.AttestationCertificateKeyIdentifiers.Select(k => JsonValue.Create(k))]),
            ["description"] = entry.Description,
            ["protocolFamily"] = entry.ProtocolFamily,
            ["authenticatorVersion"] = entry.AuthenticatorVersion,
            ["attestationTypes"] = new JsonArray([.. entry.AttestationTypes.Select(t => JsonValue.Create(t))]),
            ["status"] = entry.LatestStatus?.StatusName,
            ["certification"] = entry.CertificationStatus is { } level ? AuthenticatorStatusNames.ToName(level) : null,
            ["refusedByDefaultPolicy"] = new AuthenticatorStatusPolicy().GetRefusedStatus(entry),
            ["timeOfLastStatusChange"] = entry.TimeOfLastStatusChange?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["statusReports"] = new JsonArray([.. entry.StatusReports.Select(r => (JsonNode)new JsonObject
            {
                ["status"] = r.StatusName,
                ["effectiveDate"] = r.EffectiveDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["certificateNumber"] = r.CertificateNumber,
            })]),
            ["attestationRoots"] = new JsonArray([.. entry.GetAttestationRoots().Select(c => (JsonNode)new JsonObject
            {
                ["subject"] = c.Subject,
                ["notAfter"] = c.NotAfter.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["sha256"] = Convert.ToHexStringLower(SHA256.HashData(c.RawData)),
            })]),
        });
        return ExitCodes.Success;
    }

    /// <summary>Reads <c>--trust-anchor</c>, <c>--mds</c>, <c>--mds-anchor</c>, <c>--crl</c> and <c>--no-revocation</c> for verify-registration.</summary>
    /// <returns>A trust source, or <see langword="null"/> when none of them is given.</returns>
    public static async Task<IAuthenticatorTrustSource?> TrustSourceAsync(CliArguments args, DateTimeOffset now)
    {
        var anchors = args.All("trust-anchor");
        var blob = args.Optional("mds");
        if (blob is null)
        {
            _ = args.All("mds-anchor");
            _ = args.All("crl");
            return anchors.Count == 0 ? null : new AnchorTrustSource([.. anchors.Select(Certificate)]);
        }

        if (anchors.Count > 0)
        {
            throw new CliUsageException("Give either --trust-anchor (attestation roots) or --mds with --mds-anchor, not both.");
        }

        var options = Options.Create(new FidoMetadataOptions
        {
            TrustAnchors = [.. Required(args.All("mds-anchor"), "mds-anchor").Select(Certificate)],
            RequireRevocationCheck = !args.Flag("no-revocation"),
        });
        var provider = new FidoMetadataProvider(options, new FixedTime(now));
        var result = provider.Refresh(await ReadBytesAsync(blob).ConfigureAwait(false), [.. await ReadAllAsync(args.All("crl")).ConfigureAwait(false)]);
        return result.Succeeded ? provider : throw new CliUsageException($"--mds did not verify ({result.Error}): {result.Message}");
    }

    /// <summary>The trust fields verify-registration adds, and whether trust refuses the registration.</summary>
    public static (bool Refused, JsonObject Fields) Trust(IAuthenticatorTrustSource source, WebAuthnRegistrationResult registration, DateTimeOffset now)
    {
        var trust = AttestationTrustCheck.Evaluate(registration, source, now);
        var model = trust.Model is { Description.Length: > 0 } m ? m : null;
        return (!trust.Succeeded, new JsonObject
        {
            ["trusted"] = trust.Trusted,
            ["model"] = model?.Description,
            ["modelStatus"] = model?.Status,
            ["refusedStatus"] = model?.RefusedStatus,
            ["trustFailure"] = trust.Succeeded ? null : trust.FailureReason.ToString(),
            ["trustMessage"] = trust.Succeeded ? null : trust.Message,
        });
    }

    private static async Task<(MetadataBlobVerificationResult Result, DateTimeOffset At)> VerifyBlobAsync(CliArguments args, string blobOption, string anchorOption)
    {
        var blob = await ReadBytesAsync(args.Required(blobOption)).ConfigureAwait(false);
        var anchors = Required(args.All(anchorOption), anchorOption).Select(Certificate).ToList();
        var crls = await ReadAllAsync(args.All("crl")).ConfigureAwait(false);
        var at = At(args.Optional("at"));
        var result = MetadataBlobVerifier.Verify(blob, new MetadataBlobVerificationSettings
        {
            TrustAnchors = anchors,
            RevocationLists = crls,
            RequireRevocationCheck = !args.Flag("no-revocation"),
            VerificationTime = at,
        });
        return (result, at);
    }

    private static JsonObject Outcome(MetadataBlobVerificationResult result, DateTimeOffset at) => new()
    {
        ["ok"] = result.Succeeded,
        ["failure"] = result.Succeeded ? null : result.FailureReason.ToString(),
        ["error"] = result.Succeeded ? null : result.Error.ToString(),
        ["message"] = result.Succeeded ? null : result.Message + Hint(result.Error),
        ["verifiedAt"] = at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["no"] = result.Blob?.Number,
        ["nextUpdate"] = result.Blob?.NextUpdate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["stale"] = result.Blob?.IsStaleAt(at),
    };

    private static string Hint(MetadataBlobError error) => error switch
    {
        MetadataBlobError.CrlMissing or MetadataBlobError.CrlNotCurrent => " Pass the issuers' current CRLs with --crl FILE (or, deliberately, --no-revocation).",
        MetadataBlobError.CertificateExpired => " Use --at TIME to verify as of when the BLOB was downloaded.",
        _ => string.Empty,
    };

    private static DateTimeOffset At(string? text)
    {
        if (text is null)
        {
            return TimeProvider.System.GetUtcNow();
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new CliUsageException("--at must be an ISO 8601 time, for example 2024-12-02T00:51:06Z.");
    }

    private static IReadOnlyList<string> Required(IReadOnlyList<string> values, string name) =>
        values.Count > 0 ? values : throw new CliUsageException($"Option --{name} is required (the MDS root certificate, DER or PEM).");

    private static X509Certificate2 Certificate(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            return bytes.AsSpan().IndexOf("-----BEGIN"u8) >= 0
                ? X509Certificate2.CreateFromPem(System.Text.Encoding.ASCII.GetString(bytes))
                : X509CertificateLoader.LoadCertificate(bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CliUsageException($"Cannot read the certificate '{path}': {e.Message}");
        }
    }

    private static async Task<List<ReadOnlyMemory<byte>>> ReadAllAsync(IReadOnlyList<string> paths)
    {
        var list = new List<ReadOnlyMemory<byte>>(paths.Count);
        foreach (var path in paths)
        {
            list.Add(await ReadBytesAsync(path).ConfigureAwait(false));
        }

        return list;
    }

    private static async Task<byte[]> ReadBytesAsync(string path)
    {
        try
        {
            return await File.ReadAllBytesAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliUsageException($"Cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>A clock fixed at the command's <c>--now</c>.</summary>
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary><c>--trust-anchor</c>: attestation roots for whatever model registers.</summary>
    private sealed class AnchorTrustSource(IReadOnlyList<X509Certificate2> roots) : IAuthenticatorTrustSource
    {
        public AuthenticatorModel? FindModel(Guid aaguid, IReadOnlyList<string> attestationCertificateKeyIdentifiers) =>
            new() { Aaguid = aaguid, Description = string.Empty, AttestationRoots = roots };
    }
}
