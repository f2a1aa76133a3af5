namespace Mfa.Push.Tests.Transports.Fakes;

internal enum VapidCheck
{
    Valid,
    Malformed,
    WrongKey,
    BadSignature,
    WrongAudience,
    Expired,
    TooFarAhead,
    MissingSubject,
}
