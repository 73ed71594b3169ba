namespace CmuContracts.Generator.Model;

/// <summary>A diagnostic as plain data: the descriptor id, its message arguments and its place in the spec.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo Location, EquatableArray<string> MessageArgs);
