using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;
using System.Text;

namespace CmuContracts.Tests.Secrets;

/// <summary>
/// One test host's secret scan, alive exactly as long as the host: every exception thrown in the process (first
/// chance, so also those the pipeline catches), every measurement and every finished activity while it lives, plus
/// the host's log lines, are kept and searched for the host's own <see cref="Secrets"/> when it ends. Nothing is
/// static, so the scan neither depends on test order nor on other tests: other tests' texts are searched too, which
/// can only find a real leak, since each host's secrets are its own.
/// </summary>
internal sealed class SecretScan : IDisposable
{
    private readonly ConcurrentDictionary<(TextSource Source, string Text), byte> _texts = new();
    private readonly ConcurrentDictionary<TextSource, long> _counts = new();
    private readonly MeterListener _meters;
    private readonly ActivityListener _activities;
    private bool _stopped;

    // A re-entrancy guard per thread (an observer's own exception must not be observed), not state of a scan.
    [ThreadStatic]
    private static bool s_recording;

    public SecretScan()
    {
        AppDomain.CurrentDomain.FirstChanceException += OnException;
        _meters = new MeterListener { InstrumentPublished = (instrument, listener) => listener.EnableMeasurementEvents(instrument) };
        _meters.SetMeasurementEventCallback<long>((i, _, tags, _) => Measured(i, tags));
        _meters.SetMeasurementEventCallback<int>((i, _, tags, _) => Measured(i, tags));
        _meters.SetMeasurementEventCallback<double>((i, _, tags, _) => Measured(i, tags));
        _meters.SetMeasurementEventCallback<float>((i, _, tags, _) => Measured(i, tags));
        _meters.SetMeasurementEventCallback<decimal>((i, _, tags, _) => Measured(i, tags));
        _meters.SetMeasurementEventCallback<short>((i, _, tags, _) => Measured(i, tags));
        _meters.SetMeasurementEventCallback<byte>((i, _, tags, _) => Measured(i, tags));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Record(TextSource.ActivityTag, () => Describe(activity)),
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public SecretSet Secrets { get; } = new();

    /// <summary>How many texts of a source were recorded (repeats included).</summary>
    public long CountOf(TextSource source) => _counts.TryGetValue(source, out var n) ? n : 0;

    public void Add(TextSource source, string? text)
    {
        if (!string.IsNullOrEmpty(text) && !_stopped)
        {
            _counts.AddOrUpdate(source, 1, (_, n) => n + 1);
            _texts.TryAdd((source, text), 0);
        }
    }

    /// <summary>Stops listening (observable instruments report once first) and returns every text that carries a secret.</summary>
    public IReadOnlyList<string> Finish()
    {
        if (!_stopped)
        {
            _meters.RecordObservableInstruments();
            Dispose();
        }

        return Secrets.Find(_texts.Keys);
    }

    public void Dispose()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        AppDomain.CurrentDomain.FirstChanceException -= OnException;
        _meters.Dispose();
        _activities.Dispose();
    }

    private void OnException(object? sender, FirstChanceExceptionEventArgs e) => Record(TextSource.Exception, () => e.Exception.ToString());

    private void Measured(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
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
    private void Record(TextSource source, Func<string> text)
    {
        if (s_recording)
        {
            return;
        }

        s_recording = true;
        try
        {
            Add(source, text());
        }
#pragma warning disable CA1031 // An observer that throws would break the code it observes.
        catch
        {
        }
#pragma warning restore CA1031
        finally
        {
            s_recording = false;
        }
    }
}
