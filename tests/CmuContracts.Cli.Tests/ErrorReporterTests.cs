using System.Net;
using CmuContracts.Auth;
using CmuContracts.Cli.Output;
using Microsoft.Extensions.Options;
using Refit;

namespace CmuContracts.Cli.Tests;

/// <summary>
/// The tool's classifier knows the library's one exception family, invalid settings and its own exceptions: each gets
/// its exit code and one line.
/// </summary>
public sealed class ErrorReporterTests
{
    [Fact]
    public async Task ARefusedQueryIsAServerErrorWithCmuSReason()
    {
        var ex = await ServiceAsync(HttpStatusCode.BadRequest, "Unknown metric 'users'\nsecond line");

        Assert.Equal((ExitCodes.Server, "/cmu/v2/tenant: HTTP 400: Unknown metric 'users' second line"), ErrorReporter.Classify(ex));
    }

    [Fact]
    public async Task AForbiddenAnswerIsAnAuthErrorThatSaysToAskAdobe()
    {
        var ex = await ServiceAsync(HttpStatusCode.Forbidden, "");

        Assert.Equal((ExitCodes.Auth, "/cmu/v2/tenant: HTTP 403: Forbidden (this client has no CMU access: ask Adobe to enable it)"), ErrorReporter.Classify(ex));
    }

    [Fact]
    public async Task AThrottlePageIsAServerErrorThatSaysToWait()
    {
        var ex = await ServiceAsync(HttpStatusCode.TooManyRequests, "<html><body>429 Too Many Requests</body></html>");

        Assert.Equal((ExitCodes.Server, "/cmu/v2/tenant: HTTP 429: throttled by the server; wait a few seconds and retry"), ErrorReporter.Classify(ex));
    }

    [Fact]
    public void NoConnectionIsANetworkError()
    {
        var ex = new CmuTransportException("getTenant (GET /cmu/v2/tenant) got no answer: Connection refused (127.0.0.1:9)", new HttpRequestException("Connection refused (127.0.0.1:9)"));

        Assert.Equal((ExitCodes.Network, "cannot reach the server: Connection refused (127.0.0.1:9)"), ErrorReporter.Classify(ex));
    }

    [Fact]
    public void ATimeoutIsANetworkErrorNamingTheTimeout()
    {
        var ex = new CmuTimeoutException("getTenant (GET /cmu/v2/tenant) got no answer within 30 s.") { Timeout = TimeSpan.FromSeconds(30) };

        Assert.Equal((ExitCodes.Network, "the server did not answer in time (30 s)"), ErrorReporter.Classify(ex));
    }

    [Fact]
    public void ARegistrationThatGotNoAnswerIsANetworkErrorNotAnAuthError()
    {
        var cause = new CmuTransportException("registerClient (POST /o/client/register) got no answer: Connection reset", new HttpRequestException("Connection reset"));
        var ex = new ClientRegistrationException("Registering software id s-1 got no answer: " + cause.Message, cause);

        Assert.Equal((ExitCodes.Network, "cannot reach the server: Connection reset"), ErrorReporter.Classify(ex));
    }

    [Fact]
    public void AnInvalidClientTokenAnswerSaysHowToRegisterAgain()
    {
        var (code, message) = ErrorReporter.Classify(new AccessTokenRequestException("The token request failed: HTTP 400, error 'invalid_client'.", 400, "invalid_client"));

        Assert.Equal(ExitCodes.Auth, code);
        Assert.EndsWith("Run 'cmu register --force' to register again.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATokenEndpointFailureIsAServerError()
    {
        Assert.Equal(ExitCodes.Server, ErrorReporter.Classify(new AccessTokenRequestException("The token request failed: HTTP 503.", 503, null)).ExitCode);
    }

    [Fact]
    public void StatementStoreAndAuthenticationFailuresAreAuthErrors()
    {
        Exception[] failures =
        [
            new SoftwareStatementException(SoftwareStatementProblem.NotThreeSegments, "The software statement is not a JWT."),
            new CredentialStoreException("The credential file cannot be read."),
            new CmuAuthenticationException("CMU refused getTenant with 401 twice.", 401, "getTenant"),
            new ClientRegistrationException("Registering failed: HTTP 400, error 'invalid_software_statement'.", 400, "invalid_software_statement"),
        ];

        Assert.All(failures, f => Assert.Equal((ExitCodes.Auth, ErrorReporter.OneLine(f.Message)), ErrorReporter.Classify(f)));
    }

    [Fact]
    public void AnyOtherLibraryFailureIsAServerErrorUnlessItIsARefusal()
    {
        Assert.Equal((ExitCodes.Server, "CMU answered /tenant with 'text/html'."), ErrorReporter.Classify(new CmuException("CMU answered /tenant with 'text/html'.") { StatusCode = 200 }));
        Assert.Equal(ExitCodes.Auth, ErrorReporter.Classify(new CmuException("refused") { StatusCode = 403 }).ExitCode);
    }

    [Fact]
    public void InvalidSettingsAreAUsageErrorNamedAsTheToolsSettings()
    {
        var ex = new OptionsValidationException(Options.DefaultName, typeof(CmuClientOptions), ["CmuClientOptions.RedirectUri 'x' is neither an absolute URI nor a reversed domain."]);

        Assert.Equal((ExitCodes.Usage, "setting RedirectUri 'x' is neither an absolute URI nor a reversed domain."), ErrorReporter.Classify(ex));
    }

    [Fact]
    public void TheGeneratedValidatorsMemberPrefixIsDropped()
    {
        var ex = new OptionsValidationException(Options.DefaultName, typeof(CmuClientOptions), ["Model: CmuClientOptions.DeviceInfo.Model is empty: Adobe requires it in X-Device-Info."]);

        Assert.Equal((ExitCodes.Usage, "setting DeviceInfo.Model is empty: Adobe requires it in X-Device-Info."), ErrorReporter.Classify(ex));
    }

    [Fact]
    public void AnExceptionOfNoKnownKindIsAnInternalError()
    {
        Assert.Equal((ExitCodes.Failure, "internal error (InvalidOperationException): broken"), ErrorReporter.Classify(new InvalidOperationException("broken")));
    }

    private static async Task<CmuServiceException> ServiceAsync(HttpStatusCode status, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:9/cmu/v2/tenant?limit=5");
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body), RequestMessage = request };
        var api = await ApiException.Create(request, HttpMethod.Get, response, new RefitSettings());
        return new CmuServiceException($"getTenant (GET /cmu/v2/tenant) failed: HTTP {(int)status}.", api) { StatusCode = (int)status, OperationId = "getTenant" };
    }
}
