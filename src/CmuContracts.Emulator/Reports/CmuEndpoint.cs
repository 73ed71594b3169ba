using System.Diagnostics;
using CmuContracts.Emulator.Faults;
using CmuContracts.Emulator.Logging;
using CmuContracts.Emulator.Registration;
using CmuContracts.Emulator.Tokens;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Reports;

/// <summary>
/// <c>/cmu/v2/…</c>: bearer check (401), CMU access (403), path in the tree (404), GET only (405),
/// format (406), parameters and size (400), then the report as HAL JSON, HAL XML, CSV or HTML.
/// </summary>
internal static class CmuEndpoint
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.Map(ReportLinks.Base, HandleAsync);
        routes.Map(ReportLinks.Base + "/{**path}", HandleAsync);
    }

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var tokens = (AccessTokenService)services.GetService(typeof(AccessTokenService))!;
        var clients = (ClientRegistry)services.GetService(typeof(ClientRegistry))!;
        var reports = (ReportService)services.GetService(typeof(ReportService))!;
        var logger = ((ILoggerFactory)services.GetService(typeof(ILoggerFactory))!).CreateLogger(typeof(CmuEndpoint));
        var path = context.Request.Path.Value ?? "";
        var started = Stopwatch.GetTimestamp();

        Task Fail(int status, string reason)
        {
            Log.ReportRejected(logger, path, status, reason);
            context.Response.StatusCode = status;
            context.Response.ContentType = "text/plain;charset=utf-8";
            return context.Response.WriteAsync(reason, context.RequestAborted);
        }

        var token = BearerToken(context.Request);
        var faults = RequestFaults.Get(context);
        if (faults.RevokeClient && tokens.SubjectOf(token) is { } subject && clients.Forget(subject))
        {
            Log.ClientRevoked(logger, subject);
        }

        var check = tokens.Check(token, faults.ExpireToken);
        if (!check.Ok)
        {
            Log.BearerRejected(logger, path, check.Failure!);
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Fail(StatusCodes.Status401Unauthorized, "Unauthorized: " + check.Failure).ConfigureAwait(false);
            return;
        }

        if (!check.Application!.CmuAccess)
        {
            await Fail(StatusCodes.Status403Forbidden, "Forbidden: the client's application has no CMU access.").ConfigureAwait(false);
            return;
        }

        var (reportPath, extension) = CmuRequestPath.Split(path);
        if (reports.Tree.Find(reportPath) is not { } node)
        {
            await Fail(StatusCodes.Status404NotFound, $"Not found: '{reportPath}' is not a CMU report path.").ConfigureAwait(false);
            return;
        }

        if (!HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            await Fail(StatusCodes.Status405MethodNotAllowed, "Method not allowed: CMU reports are read with GET.").ConfigureAwait(false);
            return;
        }

        var query = ReportQueryParser.Parse(context.Request.QueryString.Value, node, reports.Now, reports.RetentionStart, out var error);
        if (query is null)
        {
            await Fail(StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
            return;
        }

        if (FormatNegotiation.Choose(extension, query.Format, context.Request.Headers.Accept.ToString()) is not { } format)
        {
            await Fail(StatusCodes.Status406NotAcceptable, "Not acceptable: CMU reports are json, xml, csv or html (path extension, format= or Accept: application/json, application/xml, text/csv, text/html).").ConfigureAwait(false);
            return;
        }

        var result = reports.Run(query, out error);
        if (result is null)
        {
            await Fail(StatusCodes.Status400BadRequest, error!).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        var self = ReportLinks.Self(query);
        switch (format)
        {
            case ReportFormat.Csv:
                context.Response.ContentType = CsvReportWriter.ContentType;
                context.Response.Headers.ContentDisposition = $"attachment; filename={CsvReportWriter.FileName(query)}";
                await CsvReportWriter.WriteAsync(context.Response.BodyWriter, result, context.RequestAborted).ConfigureAwait(false);
                break;
            case ReportFormat.Xml:
                context.Response.ContentType = XmlReportWriter.ContentType;
                await XmlReportWriter.WriteAsync(context.Response.BodyWriter, query, result, self, context.RequestAborted).ConfigureAwait(false);
                break;
            case ReportFormat.Html:
                context.Response.ContentType = HtmlReportWriter.ContentType;
                await HtmlReportWriter.WriteAsync(context.Response.BodyWriter, query, result, self, context.RequestAborted).ConfigureAwait(false);
                break;
            default:
                context.Response.ContentType = HalJsonReportWriter.ContentType;
                await HalJsonReportWriter.WriteAsync(context.Response.BodyWriter, query, result, self, context.RequestAborted).ConfigureAwait(false);
                break;
        }

        Log.ReportServed(logger, path, result.RowCount, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        foreach (var (key, value) in ReportQueryParser.Split(request.QueryString.Value))
        {
            if (key == "access_token")
            {
                return value;
            }
        }

        return null;
    }
}
