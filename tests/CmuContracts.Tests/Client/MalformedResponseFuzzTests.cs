using System.Net;
using System.Text;
using CmuContracts.AdobePass;
using Refit;

namespace CmuContracts.Tests.Client;

/// <summary>
/// Mutated response bodies through the generated clients give a value or Refit's documented
/// <see cref="ApiException"/> (a JSON problem as its inner exception), never a crash of our readers:
/// no NullReference, IndexOutOfRange or InvalidOperation anywhere in the chain, and a declared error
/// body that does not parse is simply not readable (<c>TryGet...</c> returns false).
/// The bodies come from an in-memory handler: this is about reading responses, not the wire.
/// </summary>
public sealed class MalformedResponseFuzzTests
{
    private const int MutationsPerShape = 520;

    private const string Report = """
        {"_links":{"self":{"href":"/cmu/v2/tenant/year/month/day?start=2024-05-01T00:00:00&limit=1000"},
                   "roll-up":{"href":"/cmu/v2/tenant/year/month"},
                   "drill-down":[{"href":"/cmu/v2/tenant/year/month/day/mvpd","name":"mvpd"},{"href":"/cmu/v2/tenant/year/month/day/hour","name":"hour"}]},
         "report":[{"tenant":"ExampleTenant","year":2024,"month":5,"day":14,"active-users":205,"started-sessions":17,"duration_0-15":3},
                   {"tenant":"Other","year":"2024","month":"5","day":"15","active-users":"9","bstreams-30":"3"}]}
        """;

    private const string Registration = """
        {"client_id":"a1b2","client_secret":"s3cr3t","client_id_issued_at":1715700000,"redirect_uris":["https://example.com/cb"],"grant_types":["client_credentials"],"scopes":["api:client:v2"]}
        """;

    private const string Token = """
        {"access_token":"eyJhbGciOi.x.y","token_type":"bearer","expires_in":86400,"created_at":1715700000000,"id":"t-1"}
        """;

    private const string OAuthProblem = """
        {"error":"invalid_client","error_description":"The client is not registered."}
        """;

    private static readonly string[] ForbiddenInChain = ["NullReferenceException", "IndexOutOfRangeException", "InvalidOperationException", "ArgumentOutOfRangeException"];

    public static TheoryData<string> Shapes => new() { "report", "registration", "token", "error" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task MutatedBodiesGiveAValueOrARefitExceptionNeverAReaderCrash(string shape)
    {
        var handler = new CannedResponseHandler();
        var settings = new RefitSettings { AuthorizationHeaderValueGetter = (_, _) => ValueTask.FromResult("test-token") };
        var http = new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1/cmu/v2") };
        var reports = RestService.For<IUsageReportsClient>(http, settings);
        var registration = RestService.For<IRegistrationClient>(http, settings);
        var tokens = RestService.For<ITokenClient>(http, settings);
        var random = new Random(HashCode(shape));
        var (seed, status) = shape switch
        {
            "report" => (Report, HttpStatusCode.OK),
            "registration" => (Registration, HttpStatusCode.Created),
            "token" => (Token, HttpStatusCode.OK),
            _ => (OAuthProblem, HttpStatusCode.BadRequest),
        };

        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < MutationsPerShape; i++)
        {
            var (body, description) = ResponseMutator.Mutate(seed, random);
            handler.Next(status, body);
            string outcome;
            try
            {
                outcome = shape switch
                {
                    "report" => (await reports.GetTenantYearMonthDayAsync()) is null ? "null" : "value",
                    "registration" => (await registration.RegisterClientAsync(new ClientRegistrationRequest { SoftwareStatement = "a.b.c" })) is null ? "null" : "value",
                    "token" => (await tokens.CreateAccessTokenAsync(new AccessTokenRequest { GrantType = GrantType.ClientCredentials, ClientId = "a1b2", ClientSecret = "s3cr3t" })) is null ? "null" : "value",
                    _ => await ReadDeclaredErrorAsync(tokens),
                };
            }
            catch (Exception ex)
            {
                AssertDocumented(ex, shape, description, body);
                outcome = ex.GetType().Name + "(" + ex.InnerException?.GetType().Name + ")";
            }

            // Refit gives null for a 2xx without content (its documented empty-body behaviour); any other null is ours.
            Assert.False(outcome == "null" && body.Length != 0, $"{shape}: a null value for a non-empty body ({description}): {Shorten(body)}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        // The mutations really exercised both paths: some bodies still read, most did not.
        Assert.True(outcomes.Keys.Any(k => k is "value" or "readable"), $"{shape}: nothing read: {Describe(outcomes)}");
        Assert.True(outcomes.Keys.Any(k => k.StartsWith("ApiException", StringComparison.Ordinal) || k == "unreadable"), $"{shape}: nothing failed: {Describe(outcomes)}");
        Assert.Equal(MutationsPerShape, outcomes.Values.Sum());
    }

    /// <summary>A 400 is Refit's ApiException; its declared OAuth error body is read without ever throwing.</summary>
    private static async Task<string> ReadDeclaredErrorAsync(ITokenClient tokens)
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => tokens.CreateAccessTokenAsync(
            new AccessTokenRequest { GrantType = GrantType.ClientCredentials, ClientId = "a1b2", ClientSecret = "s3cr3t" }));
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
        return ex.TryGetOAuthError(out var error) ? (error is null ? "null" : "readable") : "unreadable";
    }

    private static void AssertDocumented(Exception ex, string shape, string description, string body)
    {
        var context = $"{shape} ({description}): {Shorten(body)}\n{ex}";
        Assert.True(ex is ApiException, "Not a Refit ApiException: " + context);
        for (var e = ex; e is not null; e = e.InnerException)
        {
            Assert.False(ForbiddenInChain.Contains(e.GetType().Name), e.GetType().Name + " in the chain: " + context);
            Assert.False(e.Message.EndsWith("..", StringComparison.Ordinal), "A message ends with '..': " + context);
        }
    }

    private static int HashCode(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));

    private static string Describe(Dictionary<string, int> outcomes) => string.Join(", ", outcomes.Select(o => o.Key + "=" + o.Value));

    private static string Shorten(string text) => text.Length <= 300 ? text : string.Concat(text.AsSpan(0, 300), "…");

    private sealed class CannedResponseHandler : HttpMessageHandler
    {
        private HttpStatusCode _status;
        private string _body = string.Empty;

        public void Next(HttpStatusCode status, string body) => (_status, _body) = (status, body);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(_status)
            {
                RequestMessage = request,
                Content = new StringContent(_body, Encoding.UTF8, "application/json"),
            });
    }
}
