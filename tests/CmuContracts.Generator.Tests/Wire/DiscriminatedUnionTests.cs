using System.Text.Json;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CmuContracts.Generator.Tests.Wire;

/// <summary>
/// A oneOf with a discriminator, over a real connection: each value is read into the variant its discriminator names
/// (explicit mapping, implicit schema name), even where an earlier variant's shape would fit too; an unknown value
/// falls back to reading by shape; a variant built in code is sent with its discriminator.
/// </summary>
public sealed class DiscriminatedUnionTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Pets, version: '1' }
        paths:
          /pets:
            get:
              operationId: listPets
              tags: [Pets]
              responses:
                '200':
                  description: The pets
                  content:
                    application/json:
                      schema: { type: array, items: { $ref: '#/components/schemas/Pet' } }
            post:
              operationId: addPet
              tags: [Pets]
              requestBody:
                required: true
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Pet' }
              responses:
                '204': { description: Added }
        components:
          schemas:
            Pet:
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
                - $ref: '#/components/schemas/Lizard'
              discriminator:
                propertyName: petType
                mapping:
                  dog: '#/components/schemas/Dog'
                  hound: Dog
            Cat:
              type: object
              properties:
                petType: { type: string }
                name: { type: string }
            Dog:
              type: object
              properties:
                petType: { type: string }
                name: { type: string }
                bark: { type: string }
            Lizard:
              type: object
              properties:
                petType: { type: string }
                name: { type: string }
        """;

    private static readonly Lazy<LoadedClient> Client = new(() => LoadedClient.Compile(new SpecFile("/specs/pets.openapi.yaml", Spec, "Wire.Pets")));

    [Fact]
    public async Task EachValueIsReadIntoTheVariantItsDiscriminatorNames()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""
                [{"petType":"dog","name":"Rex"},{"petType":"hound","name":"Fang"},{"petType":"Lizard","name":"Liz"},
                 {"petType":"Cat","name":"Tom"},{"petType":"parrot","name":"Polly"},{"name":"Nobody"}]
                """);
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IPetsClient", http);

        var pets = (System.Collections.IEnumerable)(await LoadedClient.CallAsync(client, "ListPetsAsync", CancellationToken.None))!;

        // dog and hound are mapped to Dog, Lizard and Cat are implicit schema names; unknown and missing values are
        // read by shape, where Cat (declared first) fits.
        Assert.Equal("Dog Rex, Dog Fang, Lizard Liz, Cat Tom, Cat Polly, Cat Nobody", string.Join(", ", pets.Cast<object>().Select(Describe)));
    }

    [Fact]
    public async Task AVariantBuiltInCodeIsSentWithItsDiscriminator()
    {
        var received = new List<string>();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            received.Add(await reader.ReadToEndAsync());
            context.Response.StatusCode = 204;
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IPetsClient", http);

        await LoadedClient.CallAsync(client, "AddPetAsync", Pet("Dog", "Rex", petType: null), CancellationToken.None);
        await LoadedClient.CallAsync(client, "AddPetAsync", Pet("Lizard", "Liz", petType: null), CancellationToken.None);
        await LoadedClient.CallAsync(client, "AddPetAsync", Pet("Dog", "Fang", petType: "hound"), CancellationToken.None);

        Assert.Equal(
            "{\"petType\":\"dog\",\"name\":\"Rex\"} | {\"petType\":\"Lizard\",\"name\":\"Liz\"} | {\"petType\":\"hound\",\"name\":\"Fang\"}",
            string.Join(" | ", received.Select(r => JsonSerializer.Serialize(JsonDocument.Parse(r).RootElement))));
    }

    private static string Describe(object pet)
    {
        var set = new[] { "Cat", "Dog", "Lizard" }.Single(v => LoadedClient.Property(pet, v) is not null);
        return set + " " + LoadedClient.Property(LoadedClient.Property(pet, set)!, "Name");
    }

    /// <summary>A Pet holding a new variant of the type named <paramref name="variant"/>.</summary>
    private static object Pet(string variant, string name, string? petType)
    {
        var assembly = Client.Value.Assembly;
        var value = Activator.CreateInstance(assembly.GetType("Wire.Pets." + variant)!)!;
        value.GetType().GetProperty("Name")!.SetValue(value, name);
        value.GetType().GetProperty("PetType")!.SetValue(value, petType);
        var pet = Activator.CreateInstance(assembly.GetType("Wire.Pets.Pet")!)!;
        pet.GetType().GetProperty(variant)!.SetValue(pet, value);
        return pet;
    }
}
