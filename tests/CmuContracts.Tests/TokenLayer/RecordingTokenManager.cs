using CmuContracts.Auth;

namespace CmuContracts.Tests.TokenLayer;

/// <summary>A token manager that hands out numbered tokens and records which of its methods were asked, with what.</summary>
internal sealed class RecordingTokenManager : ICmuAccessTokenManager
{
    private static readonly DateTimeOffset Issued = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private int _issued;

    public RecordingTokenManager()
    {
        Current = Next();
    }

    public AccessToken Current { get; private set; }

    public List<string> Calls { get; } = [];

    public List<AccessToken> Rejected { get; } = [];

    /// <summary>Runs when a replacement is asked for, to observe the caller's state at that moment.</summary>
    public Action? OnReplace { get; set; }

    public ValueTask<AccessToken> GetAccessTokenAsync(CancellationToken cancellationToken = default)
    {
        Calls.Add("get");
        return new(Current);
    }

    public Task<AccessToken> RenewAccessTokenAsync(AccessToken rejected, CancellationToken cancellationToken = default)
    {
        Calls.Add("renew");
        Rejected.Add(rejected);
        OnReplace?.Invoke();
        return Task.FromResult(Current = Next());
    }

    public Task<AccessToken> RegisterAgainAsync(AccessToken rejected, CancellationToken cancellationToken = default)
    {
        Calls.Add("register-again");
        Rejected.Add(rejected);
        OnReplace?.Invoke();
        return Task.FromResult(Current = Next());
    }

    private AccessToken Next() => new("token-" + ++_issued, Issued, Issued.AddHours(6));
}
