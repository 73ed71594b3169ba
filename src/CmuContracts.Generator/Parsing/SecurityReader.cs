using System;
using System.Collections.Generic;
using System.Linq;
using CmuContracts.Generator.Diagnostics;
using CmuContracts.Generator.Model;
using CmuContracts.Generator.Spec;

namespace CmuContracts.Generator.Parsing;

/// <summary>Security requirements (operation <c>security</c> overrides the root's; <c>[]</c> means none) and schemes.</summary>
internal static class SecurityReader
{
    /// <summary>The requirements of a <c>security</c> field, or null when the field is absent.</summary>
    public static EquatableArray<SecurityRequirementModel>? Requirements(SpecMappingNode owner)
    {
        var list = NodeReader.Sequence(owner, "security");
        if (list is null)
        {
            return NodeReader.Has(owner, "security") ? EquatableArray<SecurityRequirementModel>.Empty : null;
        }

        var requirements = new List<SecurityRequirementModel>();
        foreach (var item in list.Children)
        {
            if (item is not SpecMappingNode requirement)
            {
                throw SpecProblemException.InvalidValue(item, "security", "a list of security requirement objects");
            }

            var names = NodeReader.Entries(requirement).Select(e => e.Key.Value!).OrderBy(n => n, StringComparer.Ordinal);
            requirements.Add(new SecurityRequirementModel(names.ToEquatableArray()));
        }

        return requirements.ToEquatableArray();
    }

    public static EquatableArray<SecuritySchemeModel> Schemes(NodeReader reader, ReferenceResolver references, SpecMappingNode? schemes)
    {
        if (schemes is null)
        {
            return EquatableArray<SecuritySchemeModel>.Empty;
        }

        var models = new List<SecuritySchemeModel>();
        foreach (var entry in NodeReader.Entries(schemes))
        {
            var name = entry.Key.Value!;
            try
            {
                var scheme = references.Follow(entry.Value, "security scheme");
                models.Add(new SecuritySchemeModel(
                    name,
                    NodeReader.RequiredString(scheme, "type"),
                    NodeReader.String(scheme, "scheme"),
                    NodeReader.String(scheme, "in"),
                    NodeReader.String(scheme, "name")));
            }
            catch (SpecProblemException problem)
            {
                reader.Report(problem, "the security scheme '" + name + "'");
            }
        }

        return models.ToEquatableArray();
    }
}
