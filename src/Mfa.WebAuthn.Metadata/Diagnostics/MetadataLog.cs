using Mfa.WebAuthn.Metadata.Blob;
using Microsoft.Extensions.Logging;

namespace Mfa.WebAuthn.Metadata.Diagnostics;

/// <summary>FIDO metadata events: numbers, dates, AAGUIDs, statuses and reasons only.</summary>
internal static partial class MetadataLog
{
    [LoggerMessage(EventId = MetadataEventIds.BlobLoaded, Level = LogLevel.Information, Message = "FIDO metadata BLOB no {Number} loaded: {Entries} entries, nextUpdate {NextUpdate}")]
    public static partial void BlobLoaded(ILogger logger, long number, int entries, DateOnly nextUpdate);

    [LoggerMessage(EventId = MetadataEventIds.BlobRefused, Level = LogLevel.Warning, Message = "FIDO metadata BLOB refused ({Error}): {Reason}; keeping BLOB no {Held}")]
    public static partial void BlobRefused(ILogger logger, MetadataBlobError error, string reason, long? held);

    [LoggerMessage(EventId = MetadataEventIds.BlobStale, Level = LogLevel.Warning, Message = "FIDO metadata BLOB no {Number} is past its nextUpdate {NextUpdate}: a newer BLOB is due")]
    public static partial void BlobStale(ILogger logger, long number, DateOnly nextUpdate);

    [LoggerMessage(EventId = MetadataEventIds.ModelRefused, Level = LogLevel.Warning, Message = "Authenticator model {Aaguid} \"{Description}\" refused: metadata status {Status}")]
    public static partial void ModelRefused(ILogger logger, Guid aaguid, string description, string status);

    [LoggerMessage(EventId = MetadataEventIds.DownloadFailed, Level = LogLevel.Warning, Message = "FIDO metadata download from {Url} failed: {Reason}")]
    public static partial void DownloadFailed(ILogger logger, Uri url, string reason);
}
