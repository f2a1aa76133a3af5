using System.Diagnostics.CodeAnalysis;
using Mfa.Core;

namespace Mfa.WebAuthn.Metadata.Blob;

/// <summary>The outcome of verifying a metadata BLOB: the payload, or the MDS3 §3.2 rule it broke.</summary>
public sealed class MetadataBlobVerificationResult : MfaResult
{
    private MetadataBlobVerificationResult(MetadataBlobError error, string? message, MetadataBlob? blob)
        : base(error == MetadataBlobError.None ? MfaFailureReason.None : MfaFailureReason.MetadataInvalid, message)
    {
        Error = error;
        Blob = blob;
    }

    /// <summary>Whether the BLOB verified.</summary>
    [MemberNotNullWhen(true, nameof(Blob))]
    public new bool Succeeded => base.Succeeded;

    /// <summary>Which rule failed; <see cref="MetadataBlobError.None"/> on success.</summary>
    public MetadataBlobError Error { get; }

    /// <summary>The verified payload (on success).</summary>
    public MetadataBlob? Blob { get; }

    internal static MetadataBlobVerificationResult Success(MetadataBlob blob) => new(MetadataBlobError.None, null, blob);

    internal static MetadataBlobVerificationResult Failure(MetadataBlobError error, string message) => new(error, message, null);
}
