namespace Mfa.Push;

/// <summary>The spec's wire names of the protocol's enums.</summary>
internal static class PushWireNames
{
    public static string Of(PushNumberMatching mode) => mode switch
    {
        PushNumberMatching.Choose => "choose",
        PushNumberMatching.Off => "off",
        PushNumberMatching.Risk => "risk",
        _ => "enter",
    };

    public static string Of(PushUserVerification uv) => uv switch
    {
        PushUserVerification.Preferred => "preferred",
        PushUserVerification.Discouraged => "discouraged",
        _ => "required",
    };

    public static string Of(PushTransactionType tx) => tx switch
    {
        PushTransactionType.StepUp => "stepup",
        PushTransactionType.Enroll => "enroll",
        PushTransactionType.Reset => "reset",
        _ => "login",
    };
}
