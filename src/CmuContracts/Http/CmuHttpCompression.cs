using System.Net;

namespace CmuContracts.Http;

/// <summary>
/// The response encodings every Adobe Pass client asks for and decodes. Adobe strongly recommends
/// <c>Accept-Encoding: gzip, deflate</c> on CMU calls [D]; registration and token use the same
/// handler. <see cref="System.Net.Http.SocketsHttpHandler"/> sends the header itself and decodes
/// both (HTTP <c>deflate</c> is zlib-wrapped, RFC 9110; raw deflate is accepted too).
/// </summary>
internal static class CmuHttpCompression
{
    public const DecompressionMethods Methods = DecompressionMethods.GZip | DecompressionMethods.Deflate;
}
