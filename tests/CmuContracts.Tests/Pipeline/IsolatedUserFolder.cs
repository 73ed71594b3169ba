using System.Runtime.CompilerServices;
using CmuContracts.Auth;

namespace CmuContracts.Tests.Pipeline;

/// <summary>
/// The library's default credential store is a file in the user's cmu folder. Before any test runs, this test
/// process's folder becomes a temporary one (<c>CMU_CONFIG_DIR</c>), so that no test, whatever it configures, ever
/// reads or writes the real <c>~/.config/cmu</c>. Worker processes the tests start inherit it unless given their own.
/// </summary>
internal static class IsolatedUserFolder
{
    public static string Path { get; private set; } = "";

#pragma warning disable CA2255 // A test assembly, not a library: the isolation must precede every test.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Isolate()
    {
        Path = Directory.CreateTempSubdirectory("cmu-tests-config-").FullName;
        Environment.SetEnvironmentVariable(CmuUserFolder.ConfigDirectoryVariable, Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A leftover temporary folder holds test data only.
            }
        };
    }
}
