namespace Mfa.Duo.Signing;

/// <summary>The Auth API canonical-request versions Mfa.Duo produces and checks (spec §4.2).</summary>
public enum DuoSignatureVersion
{
    /// <summary>v2: <c>DATE \n METHOD \n HOST \n PATH \n PARAMS</c>; parameters travel in the query (GET) or a form body (POST).</summary>
    V2 = 2,

    /// <summary>v5 (the default): v2 plus the SHA-512 of the body and of the <c>X-Duo-*</c> header block; POST parameters travel as a JSON body.</summary>
    V5 = 5,
}
