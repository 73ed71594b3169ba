using System.Reflection;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit;

namespace CmuContracts.Generator.Tests.Wire;

/// <summary>
/// Query parameters marked <c>allowReserved: true</c> (the corpus's document-search) reach a real server with RFC 3986's
/// reserved characters literal, except <c>&amp; = + # [ ]</c>, which would change how the query is read; the server
/// still decodes every value to exactly what the caller gave.
/// </summary>
public sealed class ReservedQueryParameterTests
{
    private static readonly Lazy<LoadedClient> Client = new(() => LoadedClient.Compile(Specs.Corpus("document-search")));

    [Fact]
    public async Task ReservedCharactersStayLiteralButThoseThatSplitAQuery()
    {
        var (raw, _) = await SearchAsync("a:b/c?d@e!f$g'h(i)j*k,l;m&n=o+p#q[r]s%t u", null, null);

        Assert.Equal("?q=a:b/c?d@e!f$g'h(i)j*k,l;m%26n%3Do%2Bp%23q%5Br%5Ds%25t%20u", raw);
    }

    [Fact]
    public async Task AJoinedListKeepsItsCommasLiteral()
    {
        var (raw, values) = await SearchAsync("x", new List<string> { "active-users", "started-sessions", "a&b" }, null);

        Assert.Equal("?q=x&fields=active-users,started-sessions,a%26b", raw);
        Assert.Equal("q=x | fields=active-users,started-sessions,a&b", values);
    }

    [Fact]
    public async Task AnExplodedListSendsOnePairPerItem()
    {
        var (raw, values) = await SearchAsync("x", null, new List<string> { "a/b", "c+d" });

        Assert.Equal("?q=x&tag=a/b&tag=c%2Bd", raw);
        Assert.Equal("q=x | tag=a/b,c+d", values);
    }

    [Fact]
    public async Task EnumsDatesAndNumbersUseTheirWireText()
    {
        var assembly = Client.Value.Assembly;
        var kind = assembly.GetType("Corpus.DocumentSearch.DocumentKind")!;
        var kinds = Activator.CreateInstance(typeof(List<>).MakeGenericType(kind))!;
        var add = kinds.GetType().GetMethod("Add")!;
        add.Invoke(kinds, new[] { Static(kind, "MemoInternal") });
        add.Invoke(kinds, new[] { Static(kind, "Report") });
        var order = Static(assembly.GetType("Corpus.DocumentSearch.SortOrder")!, "TitleAsc");
        var since = new DateTimeOffset(2024, 2, 29, 13, 45, 30, TimeSpan.FromHours(2));

        var (raw, _) = await CallAsync("x", null, null, kinds, order, since, 7, "a,b", new List<string> { "c,d", "e" });

        // The last two are not allowReserved (plain) or not implemented for it (a pipe-delimited list): fully escaped.
        Assert.Equal("?q=x&kinds=memo:internal,report&order=title,asc&since=2024-02-29T13:45:30.0000000%2B02:00&limit=7&plain=a%2Cb&trail=c%2Cd%7Ce", raw);
    }

    [Fact]
    public async Task AnEmptyJoinedListStillSendsItsKey()
    {
        var (raw, _) = await SearchAsync("x", new List<string>(), new List<string>());

        Assert.Equal("?q=x&fields=", raw);
    }

    private static object Static(Type type, string name) => type.GetProperty(name, BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    private static Task<(string Raw, string Values)> SearchAsync(string q, List<string>? fields, List<string>? tags) =>
        CallAsync(q, fields, tags, null, null, null, null, null, null);

    /// <summary>Calls SearchDocumentsAsync; returns the query string as it arrived and the values the server decoded.</summary>
    private static async Task<(string Raw, string Values)> CallAsync(params object?[] arguments)
    {
        string raw = string.Empty, values = string.Empty;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            raw = context.Request.QueryString.Value ?? string.Empty;
            values = string.Join(" | ", context.Request.Query.Select(q => q.Key + "=" + q.Value));
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("[]");
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        await LoadedClient.CallAsync(Client.Value.Create("IDocumentsClient", http), "SearchDocumentsAsync", arguments.Append(CancellationToken.None).ToArray());

        return (raw, values);
    }
}
