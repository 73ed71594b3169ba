using CmuContracts.AdobePass;
using CmuContracts.Reports;
using Microsoft.Extensions.DependencyInjection;

// Usage: ReportSample <emulator base address> [software statement file]
// run-samples.sh starts the emulator with the cmu tool from the same feed (`cmu emulator --port 0`), so this sample
// depends on packages only, as a consumer's application does. Against Adobe, set Environment instead of the addresses
// and SoftwareStatementPath to the statement downloaded from the TVE Dashboard.
if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: ReportSample <emulator base address, e.g. http://127.0.0.1:5080/> [software statement file]");
    return 2;
}

var emulator = new Uri(args[0]);
var statementFile = args.Length == 2 ? args[1] : await DemoStatementAsync(emulator);
var services = new ServiceCollection();
services.AddCmuClient(options =>
{
    options.RegistrationBaseAddress = new Uri(emulator, "o/");
    options.CmuBaseAddress = new Uri(emulator, "cmu/v2/");
    options.SoftwareStatementPath = statementFile;
});
await using var provider = services.BuildServiceProvider();

var reports = provider.GetRequiredService<IUsageReports>();
var query = UsageReportQuery.For("tenant").WithMetrics(ReportMetric.ActiveUsers, ReportMetric.StartedSessions);
var report = await reports.GetReportAsync(query);

Console.WriteLine($"{query.Path}: {report.Records.Count} record(s); drill down to {string.Join(", ", report.DrillDownDimensions)}");
foreach (var record in report.Records)
{
    // The spec's record: a typed property per documented dimension and metric.
    Console.WriteLine($"  {record.Tenant,-8} active-users {record.ActiveUsers,12:N0}  started-sessions {record.StartedSessions,12:N0}");
}

return report.Records.Count > 0 ? 0 : 1;

// The emulator hands out its demo statement over HTTP (GET /emulator/software-statements/demo).
static async Task<string> DemoStatementAsync(Uri emulator)
{
    using var http = new HttpClient();
    var path = Path.Combine(Path.GetTempPath(), $"cmu-demo-{Guid.NewGuid():n}.jwt");
    await File.WriteAllTextAsync(path, await http.GetStringAsync(new Uri(emulator, "emulator/software-statements/demo")));
    return path;
}
