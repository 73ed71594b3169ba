using System.Net;
using System.Text;
using PetstoreSample.Petstore;
using Refit;

// A tiny petstore on loopback (HttpListener), then the generated Refit client against it.
var port = FreePort();
var baseAddress = $"http://127.0.0.1:{port}/v1";
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
using var stop = new CancellationTokenSource();
var server = ServeAsync(listener, stop.Token);

// ForGenerated: Refit 16.4 and 17 both serve the generated implementation through it (17 has no RestService.For).
var pets = RestService.ForGenerated<IPetsClient>(baseAddress);
var all = await pets.ListPetsAsync(limit: 2);
var one = await pets.ShowPetByIdAsync("7");
Console.WriteLine($"listPets -> {all.Count} pet(s): {string.Join(", ", all.Select(p => $"{p.Id} {p.Name}"))}");
Console.WriteLine($"showPetById(7) -> {one.Id} {one.Name} ({one.Tag ?? "no tag"})");

try
{
    await pets.ShowPetByIdAsync("404");
    return 1;
}
catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound && ex.TryGetError(out var error))
{
    // The spec's default error body, read as its generated type.
    Console.WriteLine($"showPetById(404) -> ApiException {(int)ex.StatusCode}, Error {error.Code}: {error.Message}");
}

await stop.CancelAsync();
listener.Stop();
await server.ContinueWith(_ => { }, TaskScheduler.Default);
return all.Count == 2 && one.Id == 7 ? 0 : 1;

static async Task ServeAsync(HttpListener listener, CancellationToken cancellationToken)
{
    while (!cancellationToken.IsCancellationRequested)
    {
        var context = await listener.GetContextAsync();
        var path = context.Request.Url!.AbsolutePath;
        var (status, body) = path switch
        {
            "/v1/pets" => (200, """[{"id":1,"name":"Rex","tag":"dog"},{"id":2,"name":"Tom"}]"""),
            "/v1/pets/7" => (200, """{"id":7,"name":"Kitty","tag":"cat"}"""),
            _ => (404, """{"code":404,"message":"no such pet"}"""),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.OutputStream.WriteAsync(bytes, cancellationToken);
        context.Response.Close();
    }
}

static int FreePort()
{
    var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}
