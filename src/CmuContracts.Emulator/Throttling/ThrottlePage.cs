using Microsoft.AspNetCore.Http;

namespace CmuContracts.Emulator.Throttling;

/// <summary>The openresty-style <c>429</c> page the real DCR front end returns.</summary>
internal static class ThrottlePage
{
    public const string Html =
        "<html>\r\n<head><title>429 Too Many Requests</title></head>\r\n<body>\r\n" +
        "<center><h1>429 Too Many Requests</h1></center>\r\n<hr><center>openresty</center>\r\n</body>\r\n</html>\r\n";

    public static Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync(Html, context.RequestAborted);
    }
}
