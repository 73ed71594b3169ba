using BenchmarkDotNet.Attributes;
using CmuContracts.Auth;

namespace CmuContracts.ClientBenchmarks;

/// <summary>Issue 7: <see cref="CmuAccessTokenProvider"/> handing out its cached token. Target: at most 200 ns, 0 bytes.</summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet owns the lifetime; GlobalCleanup disposes.")]
public class TokenCacheBenchmarks
{
    private CmuPipelineHost _host = null!;
    private CmuAccessTokenProvider _tokens = null!;

    [GlobalSetup]
    public void Setup()
    {
        _host = CmuPipelineHost.Create();
        _tokens = _host.Tokens;
        SetupCheck.Expect(CachedToken().Value == "bench-access-token", "the token is not cached after the warm-up call");
    }

    [GlobalCleanup]
    public void Cleanup() => _host.Dispose();

    [Benchmark(Description = "CmuAccessTokenProvider: cached token")]
    public AccessToken CachedToken()
    {
        // A cache hit completes synchronously; anything else would be a miss, not what this measures.
        var pending = _tokens.GetAccessTokenAsync();
        return pending.IsCompletedSuccessfully ? pending.Result : throw new InvalidOperationException("The token was not cached.");
    }
}
