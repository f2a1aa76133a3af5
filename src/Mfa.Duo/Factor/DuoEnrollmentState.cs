namespace Mfa.Duo.Factor;

/// <summary>What a pending Duo enrollment keeps: the record's id and name and the Duo username to check.</summary>
internal sealed record DuoEnrollmentState(string AuthenticatorId, string Name, string Username);
