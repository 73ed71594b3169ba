using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CmuContracts.Emulator.Tests.Infrastructure;

/// <summary>Signs arbitrary RS256 JWTs with a test key, to probe the emulator's checks.</summary>
public static class TestJwt
{
    public static string Encode(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Sign(RSA key, object claims, string alg = "RS256")
    {
        var header = Encode(JsonSerializer.SerializeToUtf8Bytes(new { alg }));
        var payload = Encode(JsonSerializer.SerializeToUtf8Bytes(claims));
        var signature = key.SignData(Encoding.ASCII.GetBytes(header + "." + payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return header + "." + payload + "." + Encode(signature);
    }
}

/// <summary>An emulator started with an RSA key from a PEM file that the test also holds.</summary>
public sealed class KeyFileEmulatorFixture : IAsyncLifetime
{
    private readonly string _keyPath = Path.Combine(Path.GetTempPath(), $"emulator-test-key-{Guid.NewGuid():N}.pem");
    private Hosting.AdobePassEmulator? _emulator;

    public RSA Key { get; } = RSA.Create(2048);

    public EmulatorClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllTextAsync(_keyPath, Key.ExportRSAPrivateKeyPem());
        var options = SharedEmulatorFixture.Options();
        options.RsaKeyPath = _keyPath;
        options.RevokedApplications = ["no-cmu"];
        _emulator = await Hosting.AdobePassEmulator.StartAsync(options);
        Client = new EmulatorClient(_emulator);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _emulator!.DisposeAsync();
        File.Delete(_keyPath);
        Key.Dispose();
    }
}
