using System.Security.Cryptography;

namespace CmuContracts.Emulator.Security;

/// <summary>The emulator's RSA key: loaded from a PEM file, or generated for the life of the process.</summary>
public sealed class SigningKey : IDisposable
{
    private readonly RSA _rsa;

    private SigningKey(RSA rsa) => _rsa = rsa;

    /// <summary>Loads the PEM private key at <paramref name="path"/>, or generates a 2048-bit key when null.</summary>
    public static SigningKey LoadOrGenerate(string? path)
    {
        var rsa = RSA.Create(2048);
        if (path is not null)
        {
            rsa.ImportFromPem(File.ReadAllText(path));
        }

        return new SigningKey(rsa);
    }

    /// <summary>The public key as PEM (SubjectPublicKeyInfo), for clients that want to verify tokens.</summary>
    public string PublicKeyPem => _rsa.ExportSubjectPublicKeyInfoPem();

    internal byte[] Sign(ReadOnlySpan<byte> data) =>
        _rsa.SignData(data.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    internal bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature) =>
        _rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    /// <inheritdoc />
    public void Dispose() => _rsa.Dispose();
}
