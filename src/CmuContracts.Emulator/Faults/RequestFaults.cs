using Microsoft.AspNetCore.Http;

namespace CmuContracts.Emulator.Faults;

/// <summary>Faults that endpoints act on themselves (set by <see cref="FaultMiddleware"/> from <c>X-Emulator-Fault</c>).</summary>
internal sealed class RequestFaults
{
    private static readonly object Key = new();

    /// <summary>Treat the presented bearer token as expired.</summary>
    public bool ExpireToken { get; set; }

    /// <summary>Forget the calling client's credentials before handling the request.</summary>
    public bool RevokeClient { get; set; }

    /// <summary>
    /// The connection was dropped on purpose. Stats count the request as status 0 from this flag: on a connection that
    /// already served a request, <c>RequestAborted</c> can still read as not cancelled when the pipeline unwinds.
    /// </summary>
    public bool Dropped { get; set; }

    public static RequestFaults Get(HttpContext context) =>
        context.Items.TryGetValue(Key, out var value) && value is RequestFaults faults ? faults : new RequestFaults();

    public static void Set(HttpContext context, RequestFaults faults) => context.Items[Key] = faults;
}
