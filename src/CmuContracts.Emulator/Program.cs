using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;
using Microsoft.Extensions.Configuration;

// Standalone: dotnet run --project src/CmuContracts.Emulator -- --urls http://127.0.0.1:5080
// Options come from the "Emulator" configuration section (appsettings.json, EMULATOR__* variables, --Emulator:Seed=7 …);
// --spec <file> is short for --Emulator:SpecPath <file>.
var configuration = new ConfigurationBuilder()
    .AddJsonFile("appsettings.json", optional: true)
    .AddEnvironmentVariables()
    .AddCommandLine(args, new Dictionary<string, string> { ["--spec"] = "Emulator:SpecPath" })
    .Build();
var options = new EmulatorOptions();
configuration.GetSection("Emulator").Bind(options);

if (!LoopbackUrls.TryParsePorts(configuration["urls"] ?? "http://127.0.0.1:5080", out var ports, out var error))
{
    await Console.Error.WriteLineAsync(error).ConfigureAwait(false);
    return 2;
}

var app = EmulatorComposition.Build(options, ports);
await app.StartAsync().ConfigureAwait(false);

// Hosting's own "Now listening" line is filtered out with the request logs; with --urls …:0 this is how callers learn the port.
foreach (var address in app.Urls)
{
    Console.WriteLine($"Listening on {address}");
}

await app.WaitForShutdownAsync().ConfigureAwait(false);
return 0;
