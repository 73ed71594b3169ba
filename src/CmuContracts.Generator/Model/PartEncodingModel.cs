namespace CmuContracts.Generator.Model;

/// <summary>The content type a multipart body's <c>encoding</c> gives one part (by its property's wire name).</summary>
internal sealed record PartEncodingModel(string PartName, string ContentType);
