using System.Globalization;
using System.Text;
using CmuContracts.Generator.Model;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>A readable dump of a model, written to the test output to see what the parser made of a spec.</summary>
internal static class ModelDump
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(ApiModel? model)
    {
        if (model is null)
        {
            return "(no model)";
        }

        var b = new StringBuilder();
        b.AppendLine(Inv, $"title={model.Title} version={model.Version} server={model.DefaultServerUrl}");
        foreach (var type in model.Types)
        {
            b.AppendLine(Inv, $"{type.Kind} {type.Name}{(type.AdditionalProperties is null ? "" : " +additional " + Ref(type.AdditionalProperties))}");
            foreach (var p in type.Properties)
            {
                b.AppendLine(Inv, $"  {p.Name} ({p.JsonName}): {Ref(p.Type)}{(p.IsRequired ? " required" : "")}");
            }

            foreach (var m in type.EnumMembers)
            {
                b.AppendLine(Inv, $"  {m.Name} = \"{m.Value}\"");
            }

            foreach (var v in type.Variants)
            {
                b.AppendLine(Inv, $"  | {v.Name}: {Ref(v.Type)}");
            }
        }

        foreach (var client in model.Clients)
        {
            b.AppendLine(Inv, $"client {client.Name} server={client.DefaultServerUrl}");
            foreach (var o in client.Operations)
            {
                b.AppendLine(Inv, $"  {o.Name} [{o.OperationId}] {o.HttpMethod} {o.Path} server={o.ServerUrl}{(o.IsDeprecated ? " deprecated" : "")}");
                foreach (var p in o.Parameters)
                {
                    b.AppendLine(Inv, $"    param {p.Name} ({p.WireName}, {p.Location}): {Ref(p.Type)}{(p.IsRequired ? " required" : "")} {p.Style} explode={p.Explode}");
                }

                if (o.Body is { } body)
                {
                    b.AppendLine(Inv, $"    body {body.Kind} {body.MediaType}: {Ref(body.Type)}{(body.IsRequired ? " required" : "")}");
                }

                if (o.Success is { } s)
                {
                    b.AppendLine(Inv, $"    success {s.Kind} {s.MediaType}: {Ref(s.Type)}");
                }

                foreach (var t in o.TextAlternatives)
                {
                    b.AppendLine(Inv, $"    alt {t.Kind} {t.MediaType}");
                }

                foreach (var e in o.Errors)
                {
                    b.AppendLine(Inv, $"    error {e.StatusCode}: {(e.Body is null ? "-" : e.Body.Kind + " " + e.Body.MediaType + " " + Ref(e.Body.Type))}");
                }

                foreach (var r in o.Security)
                {
                    b.AppendLine(Inv, $"    security [{string.Join(", ", r.SchemeNames)}]");
                }
            }
        }

        foreach (var s in model.SecuritySchemes)
        {
            b.AppendLine(Inv, $"scheme {s.Name}: {s.Type} {s.Scheme} {s.In} {s.ParameterName}");
        }

        return b.ToString();
    }

    public static string Ref(TypeRef type)
    {
        var text = type.Kind switch
        {
            TypeKind.Named => type.Name!,
            TypeKind.Array => "List<" + Ref(type.Item!) + ">",
            TypeKind.Map => "Map<" + Ref(type.Item!) + ">",
            _ => type.Kind.ToString(),
        };
        return type.IsNullable ? text + "?" : text;
    }
}
