namespace CmuContracts.Generator.Tests.Differential;

/// <summary>
/// The few places where our implementation and Refit's own knowingly differ, each matched narrowly and
/// with the reason. Everything else must be byte-identical. A difference listed here that stops
/// occurring is harmless; one that is not listed fails the test.
/// </summary>
internal static class KnownDifferences
{
    private const string InnerJson = "System.Text.Json.JsonException:";

    public static string? Explain(string difference)
    {
        var lines = difference.Split('\n');

        // Malformed JSON: the outer ApiException is identical; only the inner JsonException's wording differs,
        // because our generated readers (not System.Text.Json's reflection converters) read the body.
        if (difference.Contains(", MalformedJson]", StringComparison.Ordinal)
            && lines.Where(l => l.TrimStart().StartsWith("ours :", StringComparison.Ordinal) || l.TrimStart().StartsWith("refit:", StringComparison.Ordinal))
                .Select(l => l.TrimStart().Substring(6))
                .Select(l => l.Contains(InnerJson, StringComparison.Ordinal) ? l.Substring(0, l.IndexOf(InnerJson, StringComparison.Ordinal)) : "\u0000" + l)
                .Distinct(StringComparer.Ordinal).Count() == 1)
        {
            return "inner JsonException wording of generated readers";
        }

        // Refit's own form serializer flattens an extensible-enum struct into grant_type.Value=...&grant_type.IsKnown=...
        // (16.4), or refuses to without the Refit.Reflection package (17); the spec (and the token endpoint) wants
        // grant_type=client_credentials, which our field descriptors send on both.
        // (Each raw variant sends its method's request, so the same differences apply to it.)
        if ((difference.StartsWith("ITokenClient.CreateAccessTokenAsync ", StringComparison.Ordinal) || difference.StartsWith("ITokenClient.CreateAccessTokenRawAsync ", StringComparison.Ordinal))
            && ((difference.Contains("refit: body", StringComparison.Ordinal) && difference.Contains("grant_type.Value=", StringComparison.Ordinal))
                || difference.Contains("refit: outcome: threw synchronously System.NotSupportedException: Flattening a nested or run-time-typed form value needs the reflection support in the Refit.Reflection package.", StringComparison.Ordinal)))
        {
            return "Refit flattens extensible-enum structs in form bodies (16.4) or refuses to (17)";
        }

        // A null optional form body (the corpus's ticket-office search): Refit sends an empty form with a Content-Type;
        // ours sends no content.
        if ((difference.StartsWith("ITicketOfficeClient.SearchEventsAsync [", StringComparison.Ordinal) || difference.StartsWith("ITicketOfficeClient.SearchEventsRawAsync [", StringComparison.Ordinal))
            && difference.Contains(", OptionalsNull, ", StringComparison.Ordinal)
            && difference.Contains("refit: Content-Type: application/x-www-form-urlencoded", StringComparison.Ordinal))
        {
            return "no content for a null optional form body";
        }

        return null;
    }
}
