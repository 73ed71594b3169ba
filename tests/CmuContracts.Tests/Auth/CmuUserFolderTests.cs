using CmuContracts.Auth;

namespace CmuContracts.Tests.Auth;

/// <summary>
/// Where the default credential file lives, resolved from the environment (the tool resolves its folder through the
/// same method): CMU_CONFIG_DIR, else $XDG_CONFIG_HOME/cmu when absolute, else ~/.config/cmu.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // %APPDATA%\cmu there
public sealed class CmuUserFolderTests
{
    [Fact]
    public void CmuConfigDirWinsAndIsMadeAbsolute()
    {
        var folder = CmuUserFolder.Resolve(Variables(("CMU_CONFIG_DIR", "state/cmu"), ("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/me")));

        Assert.Equal(Path.GetFullPath("state/cmu"), folder);
    }

    [Fact]
    public void AnAbsoluteXdgConfigHomeComesBeforeHome()
    {
        Assert.Equal("/xdg/cmu", CmuUserFolder.Resolve(Variables(("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/me"))));
    }

    [Fact]
    public void ARelativeXdgConfigHomeIsIgnoredAsTheSpecificationRequires()
    {
        Assert.Equal("/home/me/.config/cmu", CmuUserFolder.Resolve(Variables(("XDG_CONFIG_HOME", "xdg"), ("HOME", "/home/me"))));
    }

    [Fact]
    public void EmptyVariablesCountAsUnset()
    {
        Assert.Equal("/home/me/.config/cmu", CmuUserFolder.Resolve(Variables(("CMU_CONFIG_DIR", ""), ("XDG_CONFIG_HOME", ""), ("HOME", "/home/me"))));
    }

    [Fact]
    public void ThisTestProcessUsesATemporaryFolderNeverTheUsersOwn()
    {
        var folder = CmuUserFolder.Resolve();

        Assert.Equal(Pipeline.IsolatedUserFolder.Path, folder);
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), folder, StringComparison.Ordinal);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
