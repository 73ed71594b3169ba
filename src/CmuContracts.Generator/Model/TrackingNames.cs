namespace CmuContracts.Generator.Model;

/// <summary>Names of the pipeline's tracked steps, for incrementality tests.</summary>
internal static class TrackingNames
{
    public const string SpecInput = nameof(SpecInput);
    public const string Parse = nameof(Parse);
    public const string Model = nameof(Model);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Features = nameof(Features);
}
