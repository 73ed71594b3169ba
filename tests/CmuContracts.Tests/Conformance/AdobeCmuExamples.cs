namespace CmuContracts.Tests.Conformance;

/// <summary>
/// Examples transcribed from Adobe's CMU documentation, GitHub <c>AdobeDocs/pass.en</c>,
/// <c>help/concurrency-monitoring/reports/cmu-api.md</c> (Experience League "Concurrency Monitoring Usage API"):
/// the test inputs that do not come from us. Each constant names its section; the text is Adobe's, unchanged,
/// except where a remark says how a non-literal example was written down.
/// </summary>
internal static class AdobeCmuExamples
{
    public const string Page = "AdobeDocs/pass.en help/concurrency-monitoring/reports/cmu-api.md";

    /// <summary>"Hypertext Application Language (HAL)" example: <c>https://mgmt.auth.adobe.com/cmu/v2/year/month.json</c>.</summary>
    public const string YearMonthJsonRequest = "/cmu/v2/year/month.json";

    /// <summary>The JSON answer of <see cref="YearMonthJsonRequest"/>, as printed (one metric, <c>clients</c>).</summary>
    public const string YearMonthJson = """
        {
          "_links" : {
            "self" : {
              "href" : "/cmu/v2/year/month?start=2012-07-20T00:00:00&end=2012-08-20T14:35:21"
            },
            "roll-up" : {
              "href" : "/cmu/v2/year"
            },
            "drill-down" : {
              "href" : "/cmu/v2/year/month/day"
            }
          },
          "report" : [ {
            "month" : "6",
            "year" : "2012",
            "clients" : "205"
          }, {
            "month" : "7",
            "year" : "2012",
            "clients" : "466"
          } ]
        }
        """;

    /// <summary>The XML answer of <c>https://mgmt.auth.adobe.com/cmu/v2/year/month.xml</c>, as printed.</summary>
    public const string YearMonthXml = """
        <resource href="/cmu/v2/year/month?start=2012-07-20T00:00:00&end=2012-08-20T14:35:21">
          <links>
            <link rel="roll-up" href="/cmu/v2/year"/>
            <link rel="drill-down" href="/cmu/v2/year/month/day"/>
          </links>
          <report>
            <record month="6" year="2012" clients="205"/>
            <record month="7" year="2012" clients="466"/>
          </report>
        </resource>
        """;

    /// <summary>"CSV": the file name of <c>https://mgmt.auth.adobe.com/cmu/v2/year/month.csv</c>.</summary>
    public const string YearMonthCsvFileName = "report__2012-07-20_2012-08-20_1000.csv";

    /// <summary>"CSV": the file name pattern.</summary>
    public const string CsvFileNamePattern = "report__<start-date>_<end-date>_<filter-values,...>.csv";

    /// <summary>
    /// "CSV": the content of that file. Adobe prints it as a table (Year | Month | Clients; 2012 | 6 | 580;
    /// 2012 | 7 | 231); written here as the CSV the page says it is: a header row, then one line per row.
    /// </summary>
    public const string YearMonthCsv = "Year,Month,Clients\r\n2012,6,580\r\n2012,7,231\r\n";

    /// <summary>"Data Formats": the path extension comes before the query string.</summary>
    public const string ExtensionBeforeQuery = "/cmu/v2/tenant/year/month/day.csv?mvpd=SomeMVPD";

    /// <summary>"Data Formats": the extension example.</summary>
    public const string XmlExtension = "/cmu/v2/tenant/year/month/day.xml";

    /// <summary>"Data Formats": the <c>Accept</c> example.</summary>
    public const string AcceptXml = "application/xml";

    /// <summary>Reserved query parameters table, "Example" column, in the table's order (access_token left out).</summary>
    public static readonly string[] ReservedParameterExamples =
        ["someDimension=someValue&someOtherDimension", "end=2012-07-30", "format=json", "limit=1500", "metrics=m1,m2", "start=2012-07-15"];

    /// <summary>"Filters": the example URLs, with <c>dimension1..3</c> and <c>value1..2</c> as placeholders.</summary>
    public static readonly string[] FilterExamples =
    [
        "/dimension1/dimension2/dimension3?dimension1=value1",
        "/dimension1/dimension2/dimension3?dimension1=value1&dimension1=value2",
        "/dimension1/dimension2/dimension3?dimension1!=value1",
        "/dimension1/dimension2/dimension3?dimension1!=value1&dimension2!=value2",
        "/dimension1?dimension3",
    ];
}
