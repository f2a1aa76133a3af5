using System.Text.Json.Nodes;

namespace Mfa.Push.Tests.Transports.Fakes;

/// <summary>A notification the fake APNs accepted for processing.</summary>
internal sealed record ApnsDelivery(string Device, string ProviderToken, string Expiration, string CollapseId, JsonNode Payload);
