using System.Globalization;
using System.Text;

namespace CmuContracts.Benchmarks;

/// <summary>A synthetic OpenAPI document and what it declares.</summary>
internal sealed record SyntheticSpec(string Yaml, int OperationCount, int SchemaCount, int TagCount);

/// <summary>
/// Builds a deterministic, large OpenAPI 3.0 YAML document from a seed: many tags, paths with path and query
/// parameters, JSON request and response bodies, error responses, object schemas referencing each other,
/// arrays, maps, nullable and formatted primitives, and string enums. Same seed and sizes, same text.
/// Shared with the tests (linked into CmuContracts.Generator.Tests), which check the counts.
/// </summary>
internal static class SyntheticSpecBuilder
{
    public const int DefaultSeed = 20_260_401;

    public static SyntheticSpec Build(int seed = DefaultSeed, int operationPairs = 260, int objectSchemas = 1_000, int enumSchemas = 100, int tags = 24)
    {
        var random = new Random(seed);
        var yaml = new StringBuilder(4 * 1024 * 1024);
        yaml.Append("openapi: 3.0.3\n");
        yaml.Append("info:\n  title: Synthetic large API\n  version: '1.0.").Append(seed).Append("'\n");
        yaml.Append("servers:\n  - url: https://synthetic.example.com/v1\n");
        yaml.Append("tags:\n");
        for (var t = 0; t < tags; t++)
        {
            yaml.Append("  - name: area").Append(t).Append("\n    description: Operations of area ").Append(t).Append('\n');
        }

        yaml.Append("paths:\n");
        var operations = 0;
        for (var p = 0; p < operationPairs; p++)
        {
            var tag = "area" + (p % tags);
            var resource = "resource" + p;
            var schema = ObjectName(random.Next(objectSchemas));
            var listSchema = ObjectName(random.Next(objectSchemas));

            // Collection: list (query parameters) and create (JSON body).
            yaml.Append("  /").Append(tag).Append('/').Append(resource).Append(":\n");
            yaml.Append("    get:\n");
            yaml.Append("      operationId: list").Append(Pascal(resource)).Append('\n');
            yaml.Append("      tags: [").Append(tag).Append("]\n");
            yaml.Append("      summary: Lists ").Append(resource).Append('\n');
            yaml.Append("      parameters:\n");
            yaml.Append("        - name: limit\n          in: query\n          schema: { type: integer, format: int32, minimum: 1 }\n");
            yaml.Append("        - name: cursor\n          in: query\n          schema: { type: string }\n");
            if (random.Next(3) == 0)
            {
                yaml.Append("        - name: kinds\n          in: query\n          explode: true\n          schema:\n            type: array\n            items: { $ref: '#/components/schemas/")
                    .Append(EnumName(random.Next(enumSchemas))).Append("' }\n");
            }

            yaml.Append("      responses:\n");
            yaml.Append("        '200':\n          description: OK\n          content:\n            application/json:\n              schema:\n                type: array\n                items: { $ref: '#/components/schemas/")
                .Append(listSchema).Append("' }\n");
            yaml.Append("        '400': { $ref: '#/components/responses/BadRequest' }\n");
            yaml.Append("    post:\n");
            yaml.Append("      operationId: create").Append(Pascal(resource)).Append('\n');
            yaml.Append("      tags: [").Append(tag).Append("]\n");
            yaml.Append("      requestBody:\n        required: true\n        content:\n          application/json:\n            schema: { $ref: '#/components/schemas/")
                .Append(schema).Append("' }\n");
            yaml.Append("      responses:\n");
            yaml.Append("        '201':\n          description: Created\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/")
                .Append(schema).Append("' }\n");
            yaml.Append("        '400': { $ref: '#/components/responses/BadRequest' }\n");
            operations += 2;

            // Item: get (path parameter, header) and, for some, delete.
            yaml.Append("  /").Append(tag).Append('/').Append(resource).Append("/{id}:\n");
            yaml.Append("    parameters:\n      - name: id\n        in: path\n        required: true\n        schema: { type: string, format: uuid }\n");
            yaml.Append("    get:\n");
            yaml.Append("      operationId: get").Append(Pascal(resource)).Append('\n');
            yaml.Append("      tags: [").Append(tag).Append("]\n");
            yaml.Append("      parameters:\n        - name: X-Request-Id\n          in: header\n          schema: { type: string }\n");
            yaml.Append("      responses:\n");
            yaml.Append("        '200':\n          description: OK\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/")
                .Append(schema).Append("' }\n");
            yaml.Append("        '404': { $ref: '#/components/responses/NotFound' }\n");
            operations++;
            if (random.Next(2) == 0)
            {
                yaml.Append("    delete:\n");
                yaml.Append("      operationId: delete").Append(Pascal(resource)).Append('\n');
                yaml.Append("      tags: [").Append(tag).Append("]\n");
                yaml.Append("      responses:\n        '204':\n          description: Deleted\n        '404': { $ref: '#/components/responses/NotFound' }\n");
                operations++;
            }
        }

        yaml.Append("components:\n");
        yaml.Append("  responses:\n");
        yaml.Append("    BadRequest:\n      description: Bad request\n      content:\n        application/problem+json:\n          schema: { $ref: '#/components/schemas/Problem' }\n");
        yaml.Append("    NotFound:\n      description: Not found\n      content:\n        application/problem+json:\n          schema: { $ref: '#/components/schemas/Problem' }\n");
        yaml.Append("  schemas:\n");
        yaml.Append("    Problem:\n      type: object\n      properties:\n        type: { type: string }\n        title: { type: string }\n        status: { type: integer }\n        detail: { type: string, nullable: true }\n");
        var schemas = 1;
        for (var e = 0; e < enumSchemas; e++)
        {
            yaml.Append("    ").Append(EnumName(e)).Append(":\n      type: string\n      enum: [");
            var members = 2 + random.Next(6);
            for (var m = 0; m < members; m++)
            {
                yaml.Append(m == 0 ? string.Empty : ", ").Append("value_").Append(e).Append('_').Append(m);
            }

            yaml.Append("]\n");
            schemas++;
        }

        for (var s = 0; s < objectSchemas; s++)
        {
            yaml.Append("    ").Append(ObjectName(s)).Append(":\n      type: object\n      description: Synthetic object ").Append(s).Append('\n');
            var propertyCount = 3 + random.Next(8);
            var required = new List<string>();
            yaml.Append("      properties:\n");
            for (var i = 0; i < propertyCount; i++)
            {
                var name = "field" + i.ToString(CultureInfo.InvariantCulture) + "_" + Word(random);
                yaml.Append("        ").Append(name).Append(": ").Append(PropertySchema(random, s, enumSchemas)).Append('\n');
                if (random.Next(3) == 0)
                {
                    required.Add(name);
                }
            }

            if (required.Count > 0)
            {
                yaml.Append("      required: [").Append(string.Join(", ", required)).Append("]\n");
            }

            schemas++;
        }

        return new SyntheticSpec(yaml.ToString(), operations, schemas, tags);
    }

    private static string PropertySchema(Random random, int self, int enumSchemas)
    {
        switch (random.Next(14))
        {
            case 0: return "{ type: string }";
            case 1: return "{ type: string, nullable: true }";
            case 2: return "{ type: integer, format: int32 }";
            case 3: return "{ type: integer, format: int64 }";
            case 4: return "{ type: number, format: double }";
            case 5: return "{ type: boolean }";
            case 6: return "{ type: string, format: date-time }";
            case 7: return "{ type: string, format: date }";
            case 8: return "{ type: string, format: uuid }";
            case 9: return "{ $ref: '#/components/schemas/" + EnumName(random.Next(enumSchemas)) + "' }";
            case 10: return self == 0 ? "{ type: string }" : "{ $ref: '#/components/schemas/" + ObjectName(random.Next(self)) + "' }";
            case 11: return self == 0 ? "{ type: array, items: { type: string } }" : "{ type: array, items: { $ref: '#/components/schemas/" + ObjectName(random.Next(self)) + "' } }";
            case 12: return "{ type: object, additionalProperties: { type: string } }";
            default: return "{ type: array, items: { type: integer, format: int64 } }";
        }
    }

    private static readonly string[] Words = { "alpha", "beta", "gamma", "delta", "name", "count", "created", "status", "kind", "owner", "label", "total" };

    private static string Word(Random random) => Words[random.Next(Words.Length)];

    private static string ObjectName(int i) => "Entity" + i.ToString("D4", CultureInfo.InvariantCulture);

    private static string EnumName(int i) => "Kind" + i.ToString("D3", CultureInfo.InvariantCulture);

    private static string Pascal(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
