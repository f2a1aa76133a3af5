using System.Globalization;
using System.Text.Json;
using Mfa.WebAuthn.Metadata.Entries;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>Reads the payload JSON of a metadata BLOB (FIDO MDS3 §3.1.6) into a <see cref="MetadataBlob"/>.</summary>
/// <remarks>
/// <c>no</c>, <c>nextUpdate</c> and <c>entries</c> are required; an entry that lacks an identifier or has a wrongly typed
/// identifier is skipped (and counted), and optional fields of the wrong type read as absent, so one odd entry in a
/// signed BLOB does not hide the other models.
/// </remarks>
internal static class BlobPayload
{
    public static bool TryRead(byte[] json, out MetadataBlob? blob)
    {
        blob = null;
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("no", out var no) || no.ValueKind != JsonValueKind.Number || !no.TryGetInt64(out var number) || number < 0
                || !root.TryGetProperty("nextUpdate", out var next) || next.ValueKind != JsonValueKind.String
                || !DateOnly.TryParseExact(next.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var nextUpdate)
                || !root.TryGetProperty("entries", out var entriesJson) || entriesJson.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var entries = new List<MetadataEntry>(entriesJson.GetArrayLength());
            var skipped = 0;
            foreach (var item in entriesJson.EnumerateArray())
            {
                if (TryReadEntry(item) is { } entry)
                {
                    entries.Add(entry);
                }
                else
                {
                    skipped++;
                }
            }

            blob = new MetadataBlob(number, nextUpdate, String(root, "legalHeader"), entries, skipped);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static MetadataEntry? TryReadEntry(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var statement = item.TryGetProperty("metadataStatement", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        Guid? aaguid = null;
        if ((String(item, "aaguid") ?? String(statement, "aaguid")) is { } aaguidText)
        {
            if (!Guid.TryParseExact(aaguidText, "D", out var parsed))
            {
                return null;
            }

            aaguid = parsed;
        }

        var keyIdentifiers = Strings(item, "attestationCertificateKeyIdentifiers");
        if (keyIdentifiers.Count == 0)
        {
            keyIdentifiers = Strings(statement, "attestationCertificateKeyIdentifiers");
        }

        var aaid = String(item, "aaid") ?? String(statement, "aaid");
        if (aaguid is null && keyIdentifiers.Count == 0 && aaid is null)
        {
            return null;
        }

        return new MetadataEntry
        {
            Aaguid = aaguid,
            Aaid = aaid,
            AttestationCertificateKeyIdentifiers = [.. keyIdentifiers.Select(static k => k.ToLowerInvariant())],
            Description = String(statement, "description") ?? string.Empty,
            AuthenticatorVersion = Int64(statement, "authenticatorVersion"),
            ProtocolFamily = String(statement, "protocolFamily"),
            AttestationTypes = Strings(statement, "attestationTypes"),
            AttestationRootCertificates = Base64s(statement, "attestationRootCertificates"),
            StatusReports = StatusReports(item),
            TimeOfLastStatusChange = Date(item, "timeOfLastStatusChange"),
        };
    }

    private static List<StatusReport> StatusReports(JsonElement item)
    {
        var reports = new List<StatusReport>();
        if (!item.TryGetProperty("statusReports", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return reports;
        }

        foreach (var report in array.EnumerateArray())
        {
            if (String(report, "status") is not { } name)
            {
                continue;
            }

            reports.Add(new StatusReport
            {
                Status = AuthenticatorStatusNames.Parse(name),
                StatusName = name,
                EffectiveDate = Date(report, "effectiveDate"),
                AuthenticatorVersion = Int64(report, "authenticatorVersion"),
                CertificateNumber = String(report, "certificateNumber"),
                Url = String(report, "url"),
            });
        }

        return reports;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static long? Int64(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;

    private static DateOnly? Date(JsonElement element, string name) =>
        String(element, name) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static List<string> Strings(JsonElement element, string name)
    {
        var list = new List<string>();
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            // GetString on a String-kind element never returns null.
            list.AddRange(array.EnumerateArray().Where(static v => v.ValueKind == JsonValueKind.String).Select(static v => v.GetString()!));
        }

        return list;
    }

    private static List<ReadOnlyMemory<byte>> Base64s(JsonElement element, string name)
    {
        var list = new List<ReadOnlyMemory<byte>>();
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var value in array.EnumerateArray())
            {
                if (value.ValueKind == JsonValueKind.String && value.TryGetBytesFromBase64(out var der) && der.Length > 0)
                {
                    list.Add(der);
                }
            }
        }

        return list;
    }
}
