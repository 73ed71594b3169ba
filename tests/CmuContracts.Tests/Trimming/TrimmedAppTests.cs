namespace CmuContracts.Tests.Trimming;

/// <summary>
/// The generated Refit clients need no reflection: a trimmed, self-contained app with reflection-based
/// serialization switched off publishes without trim warnings and talks to a loopback server through
/// <c>RestService.ForGenerated</c> and <c>AddRefitGeneratedClient</c>.
/// </summary>
[Collection(PublishTests.Name)]
public sealed class TrimmedAppTests
{
    [Fact]
    [Trait("Category", "Publish")]
    public async Task TrimmedAppPublishesWithoutWarningsAndCallsALoopbackServerThroughGeneratedClients()
    {
        await PublishedAppAssert.PublishesAndRunsAsync(
            "cmu-trim-",
            "<SelfContained>true</SelfContained><PublishTrimmed>true</PublishTrimmed><TrimmerSingleWarn>false</TrimmerSingleWarn>",
            string.Empty,
            TimeSpan.FromMinutes(8));
    }
}
