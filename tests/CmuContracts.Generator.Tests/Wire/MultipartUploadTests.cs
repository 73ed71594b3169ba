using System.Text;
using CmuContracts.Generator.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Refit;
using Xunit;

namespace CmuContracts.Generator.Tests.Wire;

/// <summary>
/// A generated client uploads a multipart/form-data body to a real Kestrel server, which reads it with ASP.NET Core's
/// own form reader: files keep their part names, file names, content types and bytes; text fields arrive as text and
/// JSON parts as JSON.
/// </summary>
public sealed class MultipartUploadTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Uploads, version: '1' }
        paths:
          /files:
            post:
              operationId: uploadFile
              tags: [Files]
              requestBody:
                required: true
                content:
                  multipart/form-data:
                    schema:
                      type: object
                      required: [file, purpose]
                      properties:
                        file: { type: string, format: binary }
                        purpose: { type: string, enum: [batch, vision] }
                        attachments: { type: array, items: { type: string, format: binary } }
                        labels: { type: array, items: { type: string } }
                        chunk_size: { type: integer }
                        options:
                          type: object
                          properties:
                            keep: { type: boolean }
                    encoding:
                      file: { contentType: text/csv }
              responses:
                '201':
                  description: Stored
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          id: { type: string }
                          bytes: { type: integer }
        """;

    private static readonly Lazy<LoadedClient> Client = new(() => LoadedClient.Compile(new SpecFile("/specs/uploads.openapi.yaml", Spec, "Wire.Uploads")));

    [Fact]
    public async Task AnUploadArrivesAsTheFormTheSpecDescribes()
    {
        ReceivedForm? received = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            received = await ReceivedForm.ReadAsync(context.Request);
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"file-1\",\"bytes\":" + received.Files.Sum(f => f.Bytes.Length) + "}");
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IFilesClient", http);

        var csv = "day,users\n2024-02-29,42\n"u8.ToArray();
        using var stream = new MemoryStream(csv);
        var temporary = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(temporary, "second ü");
            var options = Activator.CreateInstance(Client.Value.Assembly.GetType("Wire.Uploads.UploadFileRequestOptions")!)!;
            options.GetType().GetProperty("Keep")!.SetValue(options, true);

            var result = await LoadedClient.CallAsync(client, "UploadFileAsync",
                new StreamPart(stream, "users.csv", "text/csv"),
                "vision",
                new MultipartItem[] { new ByteArrayPart(new byte[] { 0, 1, 255 }, "raw.bin", "application/octet-stream"), new FileInfoPart(new FileInfo(temporary), "note.txt", "text/plain") },
                new[] { "a", "b ü" },
                7,
                options,
                CancellationToken.None);

            Assert.Equal("file-1", LoadedClient.Property(result!, "Id"));
            Assert.Equal(csv.Length + 3 + Encoding.UTF8.GetByteCount("second ü"), Convert.ToInt32(LoadedClient.Property(result!, "Bytes"), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(temporary);
        }

        Assert.NotNull(received);
        Assert.StartsWith("multipart/form-data; boundary=", received!.ContentType, StringComparison.Ordinal);
        Assert.Equal(
            "file users.csv text/csv 24 | attachments raw.bin application/octet-stream 3 | attachments note.txt text/plain 9",
            string.Join(" | ", received.Files.Select(f => f.Name + " " + f.FileName + " " + f.ContentType + " " + f.Bytes.Length)));
        Assert.Equal(csv, received.Files[0].Bytes);
        Assert.Equal("purpose=vision | labels=a,b ü | chunk_size=7 | options={\"keep\":true}", string.Join(" | ", received.Fields));
    }

    [Fact]
    public async Task OptionalPartsLeftNullAreNotSent()
    {
        ReceivedForm? received = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            received = await ReceivedForm.ReadAsync(context.Request);
            context.Response.StatusCode = 201;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{}");
        });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = Client.Value.Create("IFilesClient", http);

        await LoadedClient.CallAsync(client, "UploadFileAsync", new ByteArrayPart("x"u8.ToArray(), "x.txt"), "batch", null, null, null, null, CancellationToken.None);

        Assert.Equal("file", string.Join(",", received!.Files.Select(f => f.Name)));
        Assert.Equal("purpose=batch", string.Join(" | ", received.Fields));
    }

    private sealed record ReceivedFile(string Name, string FileName, string? ContentType, byte[] Bytes);

    private sealed record ReceivedForm(string? ContentType, List<ReceivedFile> Files, List<string> Fields)
    {
        public static async Task<ReceivedForm> ReadAsync(HttpRequest request)
        {
            var form = await request.ReadFormAsync();
            var files = new List<ReceivedFile>();
            foreach (var file in form.Files)
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer);
                files.Add(new ReceivedFile(file.Name, file.FileName, file.ContentType, buffer.ToArray()));
            }

            return new ReceivedForm(request.ContentType, files, form.Select(f => f.Key + "=" + f.Value.ToString()).ToList());
        }
    }
}
