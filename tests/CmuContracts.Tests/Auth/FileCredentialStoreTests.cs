using CmuContracts.Auth;
using CmuContracts.Tests.Infrastructure;

namespace CmuContracts.Tests.Auth;

/// <summary>The file store on its own: format, mode, atomic replace, corrupt files and read-only directories.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // Unix file modes
public sealed class FileCredentialStoreTests : IDisposable
{
    private static readonly CredentialKey Key = new("app-1", "http://127.0.0.1:1/o");
    private static readonly CredentialKey Other = new("app-2", "http://127.0.0.1:1/o");
    private static readonly ClientCredentials Credentials = new("client-1", "secret-value-1");
    private readonly string _directory = Directory.CreateTempSubdirectory("cmu-store-").FullName;

    private string PathIn(string name = "credentials.json") => Path.Combine(_directory, name);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task CredentialsWrittenAreReadBackByAnotherStoreOnTheSameFile()
    {
        using (var store = new FileCredentialStore(PathIn()))
        {
            await store.SetAsync(Key, Credentials);
        }

        using var fresh = new FileCredentialStore(PathIn());
        var read = await fresh.GetAsync(Key);

        Assert.True(Credentials.SameAs(read));
        Assert.Null(await fresh.GetAsync(Other));
    }

    [Fact]
    public async Task TheFileIsMode0600EvenWhenItReplacesAWorldReadableOne()
    {
        await File.WriteAllTextAsync(PathIn(), """{"version":1,"credentials":{}}""");
        File.SetUnixFileMode(PathIn(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var store = new FileCredentialStore(PathIn());

        await store.SetAsync(Key, Credentials);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PathIn()));
    }

    [Fact]
    public async Task EachWriteReplacesTheFileWholeKeepsOtherKeysAndLeavesNoTempFile()
    {
        using var store = new FileCredentialStore(PathIn());
        await store.SetAsync(Key, Credentials);
        var inode = Inode(PathIn());

        await store.SetAsync(Other, new ClientCredentials("client-2", "secret-value-2"));

        // A rename puts a new file (a new inode) in place: a reader never sees a half-written one.
        Assert.NotEqual(inode, Inode(PathIn()));
        await store.SetAsync(Key, new ClientCredentials("client-3", "secret-value-3"));
        Assert.Equal(["credentials.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
        using var fresh = new FileCredentialStore(PathIn());
        Assert.Equal("client-3", (await fresh.GetAsync(Key))!.ClientId);
        Assert.Equal("client-2", (await fresh.GetAsync(Other))!.ClientId);
    }

    public static TheoryData<string, string> CorruptFiles() => new()
    {
        { "{ \"version\": 1, \"credentials\": { \"app-1@x\": { \"client_id\": \"c\", \"client_secret\": \"s3cr3t-in-file\"", "not valid JSON" },
        { "[\"s3cr3t-in-file\"]", "no \"credentials\" object" },
        { """{"version":1,"credentials":{"app-1@x":{"client_id":"c","client_secret":""},"b":"s3cr3t-in-file"}}""", "lacks a string client_id or client_secret" },
    };

    [Theory]
    [MemberData(nameof(CorruptFiles))]
    public async Task ACorruptFileIsAClearErrorNamingTheFileAndItIsLeftAsItIs(string content, string expected)
    {
        await File.WriteAllTextAsync(PathIn(), content);
        using var store = new FileCredentialStore(PathIn());

        var read = await Assert.ThrowsAsync<CredentialStoreException>(() => store.GetAsync(Key).AsTask());
        var write = await Assert.ThrowsAsync<CredentialStoreException>(() => store.SetAsync(Key, Credentials).AsTask());

        Assert.Contains($"'{PathIn()}' is corrupt", read.Message, StringComparison.Ordinal);
        Assert.Contains(expected, read.Message, StringComparison.Ordinal);
        Assert.Contains("ReplaceCorruptCredentialStore", read.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-in-file", read.ToString(), StringComparison.Ordinal);
        Assert.Contains("is corrupt", write.Message, StringComparison.Ordinal);
        Assert.Equal(content, await File.ReadAllTextAsync(PathIn()));
        Assert.Equal(["credentials.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));

        // The credentials of a write that could not be saved stay usable in this process.
        Assert.True(Credentials.SameAs(await store.GetAsync(Key)));
    }

    [Fact]
    public async Task WithReplaceCorruptTheFileIsMovedAsideNeverDeletedAndTheStoreStartsEmpty()
    {
        const string damaged = "{ this is not json";
        await File.WriteAllTextAsync(PathIn(), damaged);
        using var store = new FileCredentialStore(PathIn(), replaceCorrupt: true);

        Assert.Null(await store.GetAsync(Key));
        await store.SetAsync(Key, Credentials);

        var aside = Assert.Single(Directory.GetFiles(_directory, "credentials.json.corrupt-*"));
        Assert.Equal(damaged, await File.ReadAllTextAsync(aside));
        using var fresh = new FileCredentialStore(PathIn());
        Assert.True(Credentials.SameAs(await fresh.GetAsync(Key)));
    }

    [Fact]
    public async Task WithReplaceCorruptAFileThatCannotBeMovedAsideIsAClearErrorAndLeavesNoCopyBehind()
    {
        const string damaged = "{ \"credentials\": { \"app-1@x\": { \"client_id\": \"c\", \"client_secret\": \"s3cr3t-in-file\"";

        // As root (CI), an immutable file in a writable folder: File.Move then copies it and fails to delete the
        // original, which left a copy of the secret per attempt. Without root, a read-only folder refuses the move.
        using var readOnly = ImmutableFile.IsAvailable ? null : ReadOnlyDirectory.Create(d => File.WriteAllText(Path.Combine(d, "credentials.json"), damaged));
        var directory = readOnly?.Path ?? _directory;
        var path = Path.Combine(directory, "credentials.json");
        using var immutable = ImmutableFile.IsAvailable ? ImmutableFile.Create(path, damaged) : null;
        using var store = new FileCredentialStore(path, replaceCorrupt: true);

        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var ex = await Assert.ThrowsAsync<CredentialStoreException>(() => store.GetAsync(Key).AsTask());

            Assert.Contains($"'{path}' is corrupt", ex.Message, StringComparison.Ordinal);
            Assert.Contains("cannot be moved aside", ex.Message, StringComparison.Ordinal);
            Assert.Contains("it is left as it is, and no copy of it was left.", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("s3cr3t-in-file", ex.ToString(), StringComparison.Ordinal);
            Assert.Equal(["credentials.json"], Directory.GetFiles(directory).Select(Path.GetFileName));
        }

        Assert.Equal(damaged, await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task InAReadOnlyDirectoryAWriteIsAClearErrorTheFileIsUntouchedAndTheCredentialsStayInMemory()
    {
        const string existing = """{"version":1,"credentials":{"app-2@http://127.0.0.1:1/o":{"client_id":"client-2","client_secret":"secret-value-2"}}}""";
        using var readOnly = ReadOnlyDirectory.Create(d => File.WriteAllText(Path.Combine(d, "credentials.json"), existing));
        var path = Path.Combine(readOnly.Path, "credentials.json");
        using var store = new FileCredentialStore(path);

        var ex = await Assert.ThrowsAsync<CredentialStoreException>(() => store.SetAsync(Key, Credentials).AsTask());

        Assert.Contains($"'{path}' cannot be written", ex.Message, StringComparison.Ordinal);
        Assert.Contains("kept in memory", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Credentials.ClientSecret, ex.ToString(), StringComparison.Ordinal);
        Assert.True(Credentials.SameAs(await store.GetAsync(Key)));
        Assert.Equal("client-2", (await store.GetAsync(Other))!.ClientId);
        Assert.Equal(existing, await File.ReadAllTextAsync(path));
        Assert.Equal(["credentials.json"], Directory.GetFiles(readOnly.Path).Select(Path.GetFileName));
    }

    private static long Inode(string path)
    {
        // .NET has no inode API; the Unix 'stat' tool gives it.
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat") { ArgumentList = { "-c", "%i", path }, RedirectStandardOutput = true })!;
        var text = stat.StandardOutput.ReadToEnd();
        stat.WaitForExit();
        return long.Parse(text.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
