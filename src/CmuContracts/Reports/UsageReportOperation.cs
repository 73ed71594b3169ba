using CmuContracts.AdobePass;

namespace CmuContracts.Reports;

/// <summary>One report operation of the generated client: its spec path, operationId and the call that sends it.</summary>
internal sealed record UsageReportOperation(
    string Path,
    string OperationId,
    Func<IUsageReportsClient, UsageReportWire, CancellationToken, Task<AdobePass.UsageReport>> Call);
