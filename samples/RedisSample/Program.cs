using CmuContracts;
using CmuContracts.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Usage: RedisSample [redis configuration, default 127.0.0.1:6379]
// A fleet instance's setup: the CmuContracts.Redis package brings UseRedis (the core package has no Redis in it).
// Redis is connected on first use only, so this sample checks the setup without a Redis; a service would go on to
// IUsageReports exactly as ReportSample does.
var configuration = args.Length == 1 ? args[0] : "127.0.0.1:6379";
var services = new ServiceCollection();
services.AddCmuClient(options =>
{
    options.RegistrationBaseAddress = new Uri("http://127.0.0.1:5080/o/");
    options.CmuBaseAddress = new Uri("http://127.0.0.1:5080/cmu/v2/");
    options.SoftwareStatementPath = "statement.jwt";
}).UseRedis(redis =>
{
    redis.Configuration = configuration;
    redis.LockWait = TimeSpan.FromMinutes(1);
});
await using var provider = services.BuildServiceProvider();

var redis = provider.GetRequiredService<IOptions<CmuRedisOptions>>().Value; // validated here
var store = provider.GetRequiredService<ICredentialStore>();
var shared = provider.GetService<ISharedTokenCache>();
Console.WriteLine($"{redis}: credentials in {store.GetType().Name}, token shared through {shared?.GetType().Name ?? "nothing"}");
return store is DistributedCredentialStore && shared is not null ? 0 : 1;
