using CmuContracts.Tests.Infrastructure;

namespace CmuContracts.Tests.Trimming;

/// <summary>Publishes <see cref="PublishedClientApp"/>, checks the build log is warning-free, and runs it against a recording server.</summary>
internal static class PublishedAppAssert
{
    public static async Task PublishesAndRunsAsync(string prefix, string publishProperties, string publishArguments, TimeSpan publishTimeout)
    {
        var work = Directory.CreateTempSubdirectory(prefix);
        try
        {
            await PublishedClientApp.WriteAsync(work.FullName, publishProperties);
            var output = Path.Combine(work.FullName, "out");

            var publish = await PublishedClientApp.RunAsync(
                "dotnet", $"publish \"{work.FullName}\" -c Release -o \"{output}\" {publishArguments}", work.FullName, publishTimeout);

            Assert.True(publish.ExitCode == 0, "publish failed:\n" + publish.Output);
            Assert.DoesNotContain("warning IL", publish.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(": warning ", publish.Output, StringComparison.Ordinal);

            await using var server = await RecordingServer.StartAsync();
            foreach (var response in PublishedClientApp.Script())
            {
                server.Enqueue(response);
            }

            var run = await PublishedClientApp.RunAsync(
                Path.Combine(output, PublishedClientApp.AppName), server.BaseAddress.ToString(), work.FullName, TimeSpan.FromMinutes(1));

            Assert.True(run.ExitCode == 0, "the published app failed:\n" + run.Output);
            Assert.Equal(PublishedClientApp.ExpectedOutput, run.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
            var requests = server.Requests;
            Assert.Equal(
                ["POST /o/client/register", "POST /o/client/token", "GET /cmu/v2/tenant", "GET /cmu/v2/tenant", "POST /o/client/register"],
                requests.Select(r => r.Method + " " + r.Path));
            Assert.Equal("grant_type=client_credentials&client_id=client-1&client_secret=secret-1", requests[1].BodyText);
            Assert.Equal("?limit=2&metrics=active-users", requests[2].RawQuery);
            Assert.Equal(("Bearer token-1", "Bearer token-1"), (requests[2].Header("Authorization"), requests[3].Header("Authorization")));
            Assert.Equal("text/csv", requests[3].Header("Accept"));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
