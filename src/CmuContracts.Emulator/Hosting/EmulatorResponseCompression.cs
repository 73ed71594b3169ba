using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CmuContracts.Emulator.Hosting;

/// <summary>
/// Compresses answers for clients that ask (<c>Accept-Encoding</c>), as Adobe's CMU service does for the
/// <c>Accept-Encoding: gzip, deflate</c> it strongly recommends [D]: ASP.NET Core's response compression with its
/// gzip provider and a zlib provider for <c>deflate</c>. Without the header, answers stay uncompressed.
/// </summary>
internal static partial class EmulatorResponseCompression
{
    /// <summary>Reports (JSON, XML, HTML, CSV) and the plain-text and JSON error bodies.</summary>
    private static readonly string[] MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "text/csv"];

    public static void AddTo(IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            // Gzip first: with equal preference (the usual "gzip, deflate"), the first listed provider wins.
            options.Providers.Add<GzipCompressionProvider>();
            options.Providers.Add(new ZlibDeflateCompressionProvider());
            options.MimeTypes = MimeTypes;
        });

        // Fastest: the emulator runs beside tests on small machines; the ratio matters less than the time.
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
    }

    public static void UseIn(IApplicationBuilder app)
    {
        app.Use(LogEncodingAsync);
        app.UseResponseCompression();
    }

    // Outside the compression middleware, which sets Content-Encoding on the first write: just before the headers
    // leave, so the line is written before the client can see the answer.
    private static Task LogEncodingAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(static state =>
        {
            var context = (HttpContext)state;
            var encoding = context.Response.Headers.ContentEncoding.ToString();
            if (encoding.Length > 0)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmulatorResponseCompression));
                ResponseEncoded(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Response.StatusCode, encoding);
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    // Path without the query string: a query may carry access_token or client_secret.
    [LoggerMessage(30, LogLevel.Debug, "Answered {Method} {Path} with {Status}, Content-Encoding {Encoding}")]
    private static partial void ResponseEncoded(ILogger logger, string method, string path, int status, string encoding);

    /// <summary>
    /// HTTP <c>deflate</c> is the zlib format (RFC 9110, 8.4.1.2: RFC 1950 around RFC 1951 data), so this writes a
    /// <see cref="ZLibStream"/>, not a bare <see cref="DeflateStream"/>. ASP.NET Core ships gzip and Brotli providers only.
    /// </summary>
    private sealed class ZlibDeflateCompressionProvider : ICompressionProvider
    {
        public string EncodingName => "deflate";

        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream) => new ZLibStream(outputStream, CompressionLevel.Fastest, leaveOpen: true);
    }
}
