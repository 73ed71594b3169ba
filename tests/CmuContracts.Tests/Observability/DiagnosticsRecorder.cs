using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CmuContracts.Http;

namespace CmuContracts.Tests.Observability;

/// <summary>Listens to the <c>CmuContracts</c> Meter and ActivitySource only, for one test.</summary>
internal sealed class DiagnosticsRecorder : IDisposable
{
    private readonly MeterListener _meters = new();
    private readonly ActivityListener _activities;

    public DiagnosticsRecorder()
    {
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == CmuDiagnostics.Name)
            {
                Instruments[instrument.Name] = instrument;
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((i, value, tags, _) => Measurements.Enqueue(new(i.Name, value, tags.ToArray())));
        _meters.SetMeasurementEventCallback<double>((i, value, tags, _) => Measurements.Enqueue(new(i.Name, value, tags.ToArray())));
        _meters.Start();
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CmuDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);
    }

    public ConcurrentDictionary<string, Instrument> Instruments { get; } = new();

    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    public ConcurrentQueue<Activity> Activities { get; } = new();

    public IEnumerable<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument);

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    internal sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
    {
        public object? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value;
    }
}
