// One instance of a fleet: AddCmuClient with Redis (or, with "-" for the Redis configuration, with its default store:
// the credential file in the user's cmu folder, CMU_CONFIG_DIR as the test sets it), then report calls. The test
// starts several at once.
// Protocol on the standard streams: prints "ready" once set up, waits for a "go" line, makes the calls
// concurrently, prints "reports <n>" and exits 0; on failure prints the exception's type and message
// (which never carry a secret) to standard error and exits 1.
using System.Globalization;
using CmuContracts.AdobePass;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

if (args.Length != 5)
{
    Console.Error.WriteLine("usage: CmuContracts.FleetWorker <registration-base> <cmu-base> <statement-file> <redis-configuration or -> <calls>");
    return 2;
}

var calls = int.Parse(args[4], CultureInfo.InvariantCulture);
var services = new ServiceCollection();

// The pipeline's log (which never holds a secret) goes to standard error, for the test to show on failure.
services.AddLogging(logging => logging
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("CmuContracts", Enum.Parse<LogLevel>(Environment.GetEnvironmentVariable("CMU_FLEET_LOG_LEVEL") ?? "Information"))
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
var client = services.AddCmuClient(options =>
{
    options.RegistrationBaseAddress = new Uri(args[0]);
    options.CmuBaseAddress = new Uri(args[1]);
    options.SoftwareStatementPath = args[2];
    options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(90); // a shared test machine can be slow
});
if (args[3] != "-")
{
    client.UseRedis(args[3]);
}

try
{
    await using var provider = services.BuildServiceProvider();
    var reports = provider.GetRequiredService<IUsageReportsClient>();
    Console.WriteLine("ready");
    if (Console.ReadLine() != "go")
    {
        Console.Error.WriteLine("expected 'go' on standard input");
        return 2;
    }

    // One day per call keeps the emulator's work small: the subject is the registration and the token.
    var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    var results = await Task.WhenAll(Enumerable.Range(0, calls).Select(_ => Task.Run(() => reports.GetTenantYearMonthDayAsync(start: today))));
    Console.WriteLine("reports " + results.Count(r => r.Report.Count > 0).ToString(CultureInfo.InvariantCulture));
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine(ex.GetType().FullName + ": " + ex.Message);
    return 1;
}
