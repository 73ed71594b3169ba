namespace CmuContracts.Tests.Secrets;

/// <summary>What must never appear in a log line, an exception, a metric tag or an activity tag.</summary>
internal enum SecretKind
{
    ClientSecret,
    AccessToken,
    SoftwareStatement,
}
