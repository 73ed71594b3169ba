using CmuContracts.Generator.Model;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>Objects, allOf flattening, unions, enums, inline type names and the order of types.</summary>
public sealed class NamedTypeTests
{
    [Fact]
    public void ObjectPropertiesAreNamedRequiredAndDescribed()
    {
        var model = ParseClean(WithSchemas("""
            client_registration:
              description: A registered client.
              type: object
              required: [client_id]
              properties:
                client_id:
                  type: string
                  description: The id.
                client-id:
                  type: string
                ClientRegistration:
                  type: string
                class:
                  type: string
            """));

        var type = Type(model, "ClientRegistration");
        Assert.Equal(TypeModelKind.Object, type.Kind);
        Assert.Equal("A registered client.", type.Description);
        Assert.Equal("ClientId, ClientId2, ClientRegistrationValue, Class", string.Join(", ", type.Properties.Select(p => p.Name)));
        Assert.True(type.Properties[0].IsRequired);
        Assert.False(type.Properties[1].IsRequired);
        Assert.Equal("The id.", type.Properties[0].Description);
        Assert.Null(type.AdditionalProperties);
    }

    [Fact]
    public void PropertiesWithAdditionalPropertiesKeepTheirValueType()
    {
        var model = ParseClean(WithSchemas("""
            Open:
              type: object
              properties:
                a:
                  type: string
              additionalProperties: true
            Typed:
              type: object
              properties:
                a:
                  type: string
              additionalProperties:
                type: integer
            """));

        Assert.Equal(TypeRef.Any, Type(model, "Open").AdditionalProperties);
        Assert.Equal(new TypeRef(TypeKind.Int32), Type(model, "Typed").AdditionalProperties);
    }

    [Fact]
    public void AllOfFlattensMembersInOrderUnionsRequiredAndLaterWins()
    {
        var model = ParseClean(WithSchemas("""
            Base:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                kind:
                  type: string
            Middle:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  properties:
                    size:
                      type: integer
            Derived:
              allOf:
                - $ref: '#/components/schemas/Middle'
                - type: object
                  required: [kind]
                  properties:
                    kind:
                      type: integer
                    extra:
                      type: boolean
              properties:
                own:
                  type: string
            """));

        var derived = Type(model, "Derived");
        Assert.Equal("id, kind, size, extra, own", string.Join(", ", derived.Properties.Select(p => p.JsonName)));
        Assert.Equal("Int32", PropertyType(model, "Derived", "kind"));
        Assert.True(Property(derived, "id").IsRequired);
        Assert.True(Property(derived, "kind").IsRequired);
        Assert.False(Property(derived, "size").IsRequired);
        Assert.Equal("Base, Middle, Derived", string.Join(", ", model.Types.Select(t => t.Name)));
    }

    [Fact]
    public void SingleMemberCompositionIsTheMemberItself()
    {
        var model = ParseClean(WithSchemas("""
            Pet:
              type: object
              properties:
                name:
                  type: string
            PetAlias:
              allOf:
                - $ref: '#/components/schemas/Pet'
            Holder:
              type: object
              properties:
                viaAlias:
                  $ref: '#/components/schemas/PetAlias'
                oneOfSingle:
                  oneOf:
                    - $ref: '#/components/schemas/Pet'
                anyOfSingle:
                  anyOf:
                    - $ref: '#/components/schemas/Pet'
                  nullable: true
            """));

        Assert.Equal("Pet, Holder", string.Join(", ", model.Types.Select(t => t.Name)));
        Assert.Equal("Pet", PropertyType(model, "Holder", "viaAlias"));
        Assert.Equal("Pet", PropertyType(model, "Holder", "oneOfSingle"));
        Assert.Equal("Pet?", PropertyType(model, "Holder", "anyOfSingle"));
    }

    [Fact]
    public void OneOfAndAnyOfBecomeUnionsWithVariantsInDeclarationOrder()
    {
        var model = ParseClean(WithSchemas("""
            Link:
              type: object
              properties:
                href:
                  type: string
            LinkOrLinks:
              oneOf:
                - $ref: '#/components/schemas/Link'
                - type: array
                  items:
                    $ref: '#/components/schemas/Link'
              discriminator:
                propertyName: kind
            Scalar:
              anyOf:
                - type: string
                - type: integer
                  format: int64
                - type: number
                - type: boolean
                - type: string
                  format: date-time
                - type: array
                  items:
                    type: string
                - type: object
                  properties:
                    x:
                      type: string
            """));

        var union = Type(model, "LinkOrLinks");
        Assert.Equal(TypeModelKind.Union, union.Kind);
        Assert.Equal("Link: Link, LinkList: List<Link>", string.Join(", ", union.Variants.Select(v => v.Name + ": " + ModelDump.Ref(v.Type))));

        var scalar = Type(model, "Scalar");
        Assert.Equal(
            "String, Int64, Double, Boolean, DateTime, StringList, ScalarVariant7",
            string.Join(", ", scalar.Variants.Select(v => v.Name)));
        Assert.Equal(TypeModelKind.Object, Type(model, "ScalarVariant7").Kind);
    }

    [Fact]
    public void UnionVariantNamesAreUnique()
    {
        var model = ParseClean(WithSchemas("""
            Either:
              oneOf:
                - type: string
                - type: string
                  format: email
            """));

        Assert.Equal("String, String2", string.Join(", ", Type(model, "Either").Variants.Select(v => v.Name)));
    }

    [Fact]
    public void StringEnumsBecomeEnumTypesWithReadableUniqueMembers()
    {
        var model = ParseClean(WithSchemas("""
            Status:
              type: string
              enum: [active, in-active, In_Active, 1st, '', client_credentials, Status]
            Holder:
              type: object
              properties:
                mode:
                  type: string
                  enum: [fast, slow]
                maybe:
                  type: string
                  nullable: true
                  enum: [x, null]
                level:
                  type: integer
                  enum: [1, 2]
            """));

        var status = Type(model, "Status");
        Assert.Equal(TypeModelKind.Enum, status.Kind);
        Assert.Equal(
            "Active=active, InActive=in-active, InActive2=In_Active, Value1st=1st, Value2=, ClientCredentials=client_credentials, StatusValue=Status",
            string.Join(", ", status.EnumMembers.Select(m => m.Name + "=" + m.Value)));

        Assert.Equal("HolderMode", PropertyType(model, "Holder", "mode"));
        Assert.Equal("Fast, Slow", string.Join(", ", Type(model, "HolderMode").EnumMembers.Select(m => m.Name)));
        Assert.Equal("HolderMaybe?", PropertyType(model, "Holder", "maybe"));
        Assert.Single(Type(model, "HolderMaybe").EnumMembers);
        Assert.Equal("Int32", PropertyType(model, "Holder", "level"));
    }

    [Fact]
    public void InlineObjectsAreNamedAfterWhereTheyStand()
    {
        var model = ParseClean(WithPaths("""
            /orders:
              post:
                operationId: createOrder
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          lines:
                            type: array
                            items:
                              type: object
                              properties:
                                sku:
                                  type: string
                          address:
                            type: object
                            properties:
                              city:
                                type: string
                responses:
                  '201':
                    description: created
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            id:
                              type: string
                  '422':
                    description: invalid
                    content:
                      application/problem+json:
                        schema:
                          type: object
                          properties:
                            title:
                              type: string
                  default:
                    description: other
                    content:
                      application/json:
                        schema:
                          type: object
                          properties:
                            message:
                              type: string
            """, """
            schemas:
              Zeta:
                type: object
                properties:
                  z:
                    type: string
            """));

        Assert.Equal(
            "Zeta, CreateOrderRequest, CreateOrderRequestLinesItem, CreateOrderRequestAddress, CreateOrderResponse, CreateOrder422Error, CreateOrderDefaultError",
            string.Join(", ", model.Types.Select(t => t.Name)));
        Assert.Equal("List<CreateOrderRequestLinesItem>", PropertyType(model, "CreateOrderRequest", "lines"));
    }

    [Fact]
    public void ComponentTypesAreKeptEvenWhenUnused()
    {
        var model = ParseClean(WithSchemas("""
            Unused:
              type: object
              properties:
                a:
                  type: string
            Color:
              type: string
              enum: [red]
            """));

        Assert.Equal("Unused, Color", string.Join(", ", model.Types.Select(t => t.Name)));
    }

    [Fact]
    public void InlineTypesOfASkippedOperationAreDropped()
    {
        var result = Parse(WithPaths("""
            /a:
              post:
                operationId: broken
                requestBody:
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          x:
                            type: string
                responses:
                  '200':
                    description: ok
                    content:
                      application/json:
                        schema:
                          $ref: 'other.yaml#/Thing'
            """));

        Assert.Empty(result.Model!.Types);
        Single(result, "CMU1003");
    }
}
