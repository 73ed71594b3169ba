using CmuContracts.Generator.Model;
using CmuContracts.Generator.Parsing;
using CmuContracts.Generator.Tests.Infrastructure;
using Xunit;
using static CmuContracts.Generator.Tests.Parsing.ParsingTestSupport;

namespace CmuContracts.Generator.Tests.Parsing;

/// <summary>
/// Each corpus spec is read as the shapes it was written to exercise: CRUD, path-item and query-array parameters,
/// an error model and allOf (library-catalogue); server variables, links, nested inline schemas and arrays of
/// references (weather-network, parcel-tracking); callbacks, webhooks, form bodies and 3.1 nullable types
/// (ticket-office); responses described only by examples (museum-guide); allowReserved query parameters
/// (document-search).
/// </summary>
public sealed class CorpusFeatureTests
{
    [Fact]
    public void LibraryCatalogueMapsAsExpected()
    {
        var model = ParseCorpus("library-catalogue");

        Assert.Equal("Genre, NewBook, Book, Loan, Problem, ListLoansStatus, LendBookRequest", string.Join(", ", model.Types.Select(t => t.Name)));
        Assert.Equal("https://catalogue.library.example/api/v2", model.DefaultServerUrl);

        // allOf: the base's properties first, then the extension's; required from both.
        var book = Type(model, "Book");
        Assert.Equal("isbn, title, authors, genre, published, pages, addedAt, copies, available", string.Join(", ", book.Properties.Select(p => p.JsonName)));
        Assert.Equal("isbn, title, addedAt", string.Join(", ", book.Properties.Where(p => p.IsRequired).Select(p => p.JsonName)));

        // One client per tag.
        Assert.Equal("Books: ListBooks, AddBook, GetBook, ReplaceBook, WithdrawBook | Loans: ListLoans, LendBook, ReturnBook",
            string.Join(" | ", model.Clients.Select(c => c.Name + ": " + string.Join(", ", c.Operations.Select(o => o.Name)))));

        // Query arrays, exploded and not; a shared parameter by reference.
        var listBooks = Operation(model, "ListBooks");
        Assert.Equal("genre Genre True, subject List<String> True, author List<String> False, limit Int32 True, after String True",
            string.Join(", ", listBooks.Parameters.Select(p => $"{p.WireName} {ModelDump.Ref(p.Type)} {p.Explode}")));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("Book")), listBooks.Success!.Type);

        // The error model, inline and through components/responses.
        Assert.Equal("409 Problem, default Problem", string.Join(", ", Operation(model, "AddBook").Errors.Select(e => e.StatusCode + " " + ModelDump.Ref(e.Body!.Type))));

        // Path-item parameters reach every operation of the path, before the operation's own.
        Assert.Equal("memberId, status, since, limit", string.Join(", ", Operation(model, "ListLoans").Parameters.Select(p => p.WireName)));
        Assert.Equal("memberId Guid, loanId Int64", string.Join(", ", Operation(model, "ReturnBook").Parameters.Select(p => p.WireName + " " + ModelDump.Ref(p.Type))));
        Assert.Equal("isbn Path, X-Reason Header", string.Join(", ", Operation(model, "WithdrawBook").Parameters.Select(p => p.WireName + " " + p.Location)));
    }

    [Theory]
    [InlineData("weather-network", "https://eu.weather.example/v1")]
    [InlineData("parcel-tracking", "https://api.parcels.example/tracking/v3")]
    [InlineData("recipe-exchange", "http://localhost:5080/exchange")]
    public void ServerVariablesTakeTheirDefaults(string spec, string url)
    {
        Assert.Contains("variables", File.ReadAllText(TestPaths.CorpusFile(spec)), StringComparison.Ordinal);
        Assert.Equal(url, ParseCorpus(spec).DefaultServerUrl);
    }

    [Theory]
    [InlineData("ticket-office", "ListEvents, SearchEvents, GetEventsByEventIdSeats, PostHolds, PayForHold, SubscribeToSales")]
    [InlineData("parcel-tracking", "FindParcels, RegisterParcel, GetParcel, RedirectParcel, ListScans, WatchParcel, GetDepot")]
    public void CallbacksAndWebhooksAreRequestsTheServerSendsNotOperations(string spec, string operations)
    {
        var model = ParseCorpus(spec);

        Assert.Contains("callbacks", File.ReadAllText(TestPaths.CorpusFile(spec)), StringComparison.Ordinal);
        Assert.Equal(operations, string.Join(", ", model.Clients.SelectMany(c => c.Operations).Select(o => o.Name)));
    }

    /// <summary>
    /// Links, examples, callbacks and webhooks say nothing a client's code needs: the spec without them (written as
    /// JSON by YamlDotNet) gives the same model and no other diagnostics.
    /// </summary>
    [Theory]
    [InlineData("weather-network", "example, examples, links")]
    [InlineData("ticket-office", "callbacks, example, examples, webhooks")]
    [InlineData("parcel-tracking", "callbacks, example, examples, links")]
    [InlineData("museum-guide", "examples")]
    [InlineData("recipe-exchange", "example, examples")]
    public void LinksExamplesAndCallbacksLeaveTheModelAsItIs(string spec, string keys)
    {
        var path = TestPaths.CorpusFile(spec);
        var text = File.ReadAllText(path);
        var (stripped, removed) = KeyStripper.Strip(text, "links", "example", "examples", "callbacks", "webhooks");
        Assert.Equal(keys, string.Join(", ", removed));

        var full = SpecParser.Parse(new SpecInput("/specs/full" + Path.GetExtension(path), text, "Corpus", "Api", "Corpus"), CancellationToken.None);
        var bare = SpecParser.Parse(new SpecInput("/specs/bare.json", stripped, "Corpus", "Api", "Corpus"), CancellationToken.None);
        Assert.Equal(ModelDump.Write(bare.Model), ModelDump.Write(full.Model));
        Assert.Equal(bare.Model, full.Model);
        Assert.Equal(bare.Diagnostics.Select(d => d.Id), full.Diagnostics.Select(d => d.Id));
    }

    [Theory]
    [InlineData("ticket-office", "PayForHold", "CardPayment", true)]
    [InlineData("ticket-office", "SearchEvents", "SearchEventsRequest", false)]
    [InlineData("recipe-exchange", "RateRecipe", "RateRecipeRequest", true)]
    public void FormBodiesAreSentAsForms(string spec, string operation, string type, bool required)
    {
        var body = Operation(ParseCorpus(spec), operation).Body!;

        Assert.Equal((MediaKind.Form, "application/x-www-form-urlencoded", TypeRef.Named(type), required), (body.Kind, body.MediaType, body.Type, body.IsRequired));
    }

    [Fact]
    public void NestedInlineSchemasAreNamedFromWhereTheyStand()
    {
        var model = ParseCorpus("weather-network");

        Assert.Equal("StationLocation", PropertyType(model, "Station", "location"));
        Assert.Equal("StationLocationElevation", PropertyType(model, "StationLocation", "elevation"));
        Assert.Equal("List<StationSensorsItem>", PropertyType(model, "Station", "sensors"));
        Assert.Equal("StationSensorsItemCalibration", PropertyType(model, "StationSensorsItem", "calibration"));
        Assert.Equal("ObservationSeriesSummaryExtremes", PropertyType(model, "ObservationSeriesSummary", "extremes"));
        Assert.Equal("List<List<String>>", PropertyType(model, "Observation", "flags"));
    }

    [Fact]
    public void ArraysOfReferencesAreListsOfTheReferencedType()
    {
        var weather = ParseCorpus("weather-network");
        Assert.Equal("List<Reading>", PropertyType(weather, "Observation", "readings"));
        Assert.Equal("List<StationRef>", PropertyType(weather, "Station", "neighbours"));
        Assert.Equal("Map<List<Reading>>", PropertyType(weather, "ObservationSeriesSummary", "byKind"));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("Station")), Operation(weather, "ListStations").Success!.Type);

        var parcels = ParseCorpus("parcel-tracking");
        Assert.Equal("List<Parcel>", PropertyType(parcels, "FindParcelsResponse", "items"));
        Assert.Equal(TypeRef.ArrayOf(TypeRef.Named("Scan")), Operation(parcels, "ListScans").Success!.Type);
    }

    [Theory]
    [InlineData("ticket-office", "Event", "note", "String?")]
    [InlineData("ticket-office", "CardPayment", "email", "String?")]
    [InlineData("parcel-tracking", "Address", "recipient", "String?")]
    [InlineData("parcel-tracking", "Parcel", "estimatedDelivery", "Date?")]
    [InlineData("library-catalogue", "Loan", "returnedAt", "DateTime?")]
    [InlineData("recipe-exchange", "GetCookResponse", "displayName", "String?")]
    public void NullTypesOf31AndNullableOf30AreNullable(string spec, string type, string property, string expected)
    {
        Assert.Equal(expected, PropertyType(ParseCorpus(spec), type, property));
    }

    [Fact]
    public void ResponsesDescribedOnlyByExamplesAreAnyJson()
    {
        var model = ParseCorpus("museum-guide");

        Assert.All(model.Clients.SelectMany(c => c.Operations), o => Assert.Equal((MediaKind.Json, TypeRef.Any), (o.Success!.Kind, o.Success.Type)));
        Assert.Equal("ListGuideVersions, ListStops", string.Join(", ", model.Clients.SelectMany(c => c.Operations).Select(o => o.Name)));
    }

    [Fact]
    public void OperationsWithoutOperationIdAreNamedFromMethodAndPathWithCmu1005()
    {
        var path = TestPaths.CorpusFile("ticket-office");
        var result = SpecParser.Parse(new SpecInput(path, File.ReadAllText(path), "Corpus", "Api", "Corpus"), CancellationToken.None);

        Assert.Equal("CMU1005 GET /events/{eventId}/seats, CMU1005 POST /holds", string.Join(", ", result.Diagnostics.Select(d => d.Id + " " + string.Join(" ", d.MessageArgs.Take(2)))));
        Assert.Equal("GetEventsByEventIdSeats", Operation(result.Model!, "GetEventsByEventIdSeats").OperationId);
    }

    /// <summary>allowReserved is kept on the form-style scalars and lists it is implemented for, dropped elsewhere.</summary>
    [Fact]
    public void AllowReservedIsReadForFormScalarsAndListsOnly()
    {
        var search = Operation(ParseCorpus("document-search"), "SearchDocuments");

        Assert.Equal("q True, fields True, tag True, kinds True, order True, since True, limit True, plain False, trail False",
            string.Join(", ", search.Parameters.Select(p => p.WireName + " " + p.AllowReserved)));
    }

    /// <summary>A corpus spec through the generator's own reader for its format, with no warnings or errors.</summary>
    private static ApiModel ParseCorpus(string name)
    {
        var path = TestPaths.CorpusFile(name);
        var result = SpecParser.Parse(new SpecInput("/specs/" + Path.GetFileName(path), File.ReadAllText(path), "Corpus", "Api", "Corpus"), CancellationToken.None);
        var problems = result.Diagnostics.Where(d => d.Id != "CMU1005").ToList();
        Assert.True(problems.Count == 0, "Unexpected diagnostics:\n" + Describe(problems));
        return result.Model!;
    }
}
