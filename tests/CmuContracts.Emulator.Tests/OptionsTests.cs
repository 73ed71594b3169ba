using CmuContracts.Emulator.Hosting;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void DefaultsAreValid() => Assert.Empty(EmulatorOptionsValidator.Validate(new EmulatorOptions()));

    [Fact]
    public void DefaultApplicationsAreDemoWithCmuAndOneWithout()
    {
        var apps = EmulatorOptions.DefaultApplications();

        Assert.Contains(apps, a => a.Name == "demo" && a.CmuAccess);
        Assert.Contains(apps, a => !a.CmuAccess);
    }

    [Fact]
    public void InvalidOptionsAreReportedTogether()
    {
        var options = new EmulatorOptions
        {
            TokenLifetimeSeconds = 0,
            RsaKeyPath = "/nonexistent/key.pem",
            Faults = { Drop = 2 },
            Throttle = { Burst = 0 },
            Applications = [new EmulatorApplication { Id = "a", Name = "x" }, new EmulatorApplication { Id = "a", Name = "y" }],
        };

        var errors = EmulatorOptionsValidator.Validate(options);

        Assert.Equal(6, errors.Count); // the drop rate is both out of range and over the total
    }

    [Fact]
    public async Task StartRefusesInvalidOptions() =>
        await Assert.ThrowsAsync<ArgumentException>(() => AdobePassEmulator.StartAsync(new EmulatorOptions { TokenLifetimeSeconds = -1 }));

    [Fact]
    public async Task HostListensOnLoopbackAndExposesBaseAddresses()
    {
        await using var emulator = await AdobePassEmulator.StartAsync(new EmulatorOptions { Throttle = { Enabled = false } });

        Assert.Equal("127.0.0.1", emulator.BaseAddress.Host);
        Assert.NotEqual(0, emulator.BaseAddress.Port);
        Assert.Equal(new Uri(emulator.BaseAddress, "o/"), emulator.RegistrationBaseAddress);
        Assert.Equal(new Uri(emulator.BaseAddress, "cmu/v2/"), emulator.CmuBaseAddress);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5081", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://192.168.1.2:5080", false)]
    [InlineData("https://127.0.0.1:5080", false)]
    [InlineData("http://*:5080", false)]
    public void StandaloneUrlsMustBeLoopback(string urls, bool accepted) =>
        Assert.Equal(accepted, LoopbackUrls.TryParsePorts(urls, out _, out _));
}
