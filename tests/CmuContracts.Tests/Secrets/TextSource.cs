namespace CmuContracts.Tests.Secrets;

/// <summary>Where a scanned text came from.</summary>
internal enum TextSource
{
    Log,
    Exception,
    MetricTag,
    ActivityTag,
}
