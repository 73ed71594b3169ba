// One process of an application run again and again: AddCmuClient with its default credential store (the file in the
// user's cmu folder, CMU_CONFIG_DIR as the test sets it), one CMU report call, then exit. Prints "records <n>" and
// exits 0; on failure prints the exception's type and message (which never carry a secret) to standard error, exit 1.
// The pipeline's log (which never holds a secret) goes to standard error, for the test to read.
using System.Globalization;
using CmuContracts.AdobePass;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: CmuContracts.StoreWorker <registration-base> <cmu-base> <statement-file>");
    return 2;
}

var services = new ServiceCollection();
services.AddLogging(logging => logging
    .SetMinimumLevel(LogLevel.Warning)
    .AddFilter("CmuContracts", LogLevel.Information)
    .AddSimpleConsole(console => console.SingleLine = true)
    .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace));
services.AddCmuClient(options =>
{
    options.RegistrationBaseAddress = new Uri(args[0]);
    options.CmuBaseAddress = new Uri(args[1]);
    options.SoftwareStatementPath = args[2];
    options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(90); // a shared test machine can be slow
});

try
{
    await using var provider = services.BuildServiceProvider();
    var day = DateTime.UtcNow.Date.AddDays(-2);
    var report = await provider.GetRequiredService<IUsageReportsClient>().GetTenantYearMonthDayAsync(
        start: day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        end: day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    Console.WriteLine("records " + report.Report.Count.ToString(CultureInfo.InvariantCulture));
    return 0;
}
catch (Exception ex)
{
    Console.Error.WriteLine(ex.GetType().FullName + ": " + ex.Message);
    return 1;
}
