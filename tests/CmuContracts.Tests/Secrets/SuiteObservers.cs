using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// Started when the test assembly loads, before any test: every exception thrown in the process (first chance,
/// so also those a test or the pipeline catches), every measurement of every Meter and every activity of every
/// ActivitySource go to the <see cref="SuiteTranscript"/>. Log lines arrive through <see cref="Pipeline.CmuTestHost"/>.
/// </summary>
internal static class SuiteObservers
{
    [ThreadStatic]
    private static bool t_inHandler;

    private static MeterListener? s_meters;
    private static ActivityListener? s_activities;

    public static bool Started => s_meters is not null && s_activities is not null;

#pragma warning disable CA2255 // A test assembly's own start-up hook: the scan must see the whole run.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Start()
    {
        AppDomain.CurrentDomain.FirstChanceException += (_, e) => Record(TextSource.Exception, () => e.Exception.ToString());

        s_meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        s_meters.SetMeasurementEventCallback<long>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.SetMeasurementEventCallback<int>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.SetMeasurementEventCallback<double>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.SetMeasurementEventCallback<float>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.SetMeasurementEventCallback<decimal>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.SetMeasurementEventCallback<short>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.SetMeasurementEventCallback<byte>((i, _, tags, _) => RecordMeasurement(i, tags));
        s_meters.Start();

        s_activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Record(TextSource.ActivityTag, () => Describe(activity)),
        };
        ActivitySource.AddActivityListener(s_activities);
    }

    /// <summary>Observable instruments report only when asked: ask once before the scan.</summary>
    public static void CollectObservableInstruments() => s_meters?.RecordObservableInstruments();

    private static void RecordMeasurement(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder(instrument.Meter.Name).Append('/').Append(instrument.Name);
        foreach (var tag in tags)
        {
            text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        Record(TextSource.MetricTag, text.ToString);
    }

    private static string Describe(Activity activity)
    {
        var text = new StringBuilder(activity.Source.Name).Append('/').Append(activity.OperationName)
            .Append(' ').Append(activity.DisplayName).Append(' ').Append(activity.StatusDescription);
        foreach (var tag in activity.TagObjects)
        {
            text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
        }

        foreach (var item in activity.Baggage)
        {
            text.Append(" baggage ").Append(item.Key).Append('=').Append(item.Value);
        }

        foreach (var e in activity.Events)
        {
            text.Append(" event ").Append(e.Name);
            foreach (var tag in e.Tags)
            {
                text.Append(' ').Append(tag.Key).Append('=').Append(tag.Value);
            }
        }

        return text.ToString();
    }

    // Never throw from an observer, and never observe the observer's own exceptions.
    private static void Record(TextSource source, Func<string> text)
    {
        if (t_inHandler)
        {
            return;
        }

        t_inHandler = true;
        try
        {
            SuiteTranscript.Add(source, text());
        }
#pragma warning disable CA1031 // An observer that throws would break the code it observes.
        catch
        {
        }
#pragma warning restore CA1031
        finally
        {
            t_inHandler = false;
        }
    }
}
