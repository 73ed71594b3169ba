using Microsoft.AspNetCore.Http;

namespace CmuContracts.Emulator.Registration;

/// <summary>The DCR and token endpoints' error shape: <c>400 {"error":"code"}</c>.</summary>
internal static class OAuthError
{
    public static IResult Result(string code) =>
        Results.Json(new Dictionary<string, string> { ["error"] = code }, statusCode: StatusCodes.Status400BadRequest);
}
