namespace CmuContracts.Tests.Trimming;

/// <summary>
/// The same app as <see cref="TrimmedAppTests"/>, published with NativeAOT: no AOT or trim warnings, and the
/// native binary (module initializer included) calls a loopback server through the generated clients.
/// </summary>
[Collection(PublishTests.Name)]
public sealed class NativeAotAppTests
{
    [Fact]
    [Trait("Category", "Publish")]
    public async Task NativeAotAppPublishesWithoutWarningsAndCallsALoopbackServerThroughGeneratedClients()
    {
        // clang-14 is the C toolchain installed on the CI image (the ILCompiler pack links with it).
        await PublishedAppAssert.PublishesAndRunsAsync(
            "cmu-aot-",
            "<PublishAot>true</PublishAot><TrimmerSingleWarn>false</TrimmerSingleWarn>",
            "-p:CppCompilerAndLinker=clang-14",
            TimeSpan.FromMinutes(12));
    }
}
