using System.Collections.Concurrent;
using CmuContracts.Emulator.Options;

namespace CmuContracts.Emulator.SoftwareStatements;

/// <summary>The registered applications and which of them have their statements revoked.</summary>
public sealed class ApplicationRegistry
{
    private readonly Dictionary<string, EmulatorApplication> _byId;
    private readonly Dictionary<string, EmulatorApplication> _byName;
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);

    /// <summary>Builds the registry from validated options.</summary>
    public ApplicationRegistry(EmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apps = options.EffectiveApplications;
        _byId = apps.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _byName = apps.ToDictionary(a => a.Name, StringComparer.Ordinal);
        foreach (var revoked in options.RevokedApplications)
        {
            if (Find(revoked) is { } app)
            {
                _revoked[app.Id] = true;
            }
        }
    }

    /// <summary>All applications.</summary>
    public IReadOnlyCollection<EmulatorApplication> All => _byId.Values;

    /// <summary>Finds an application by id or by name.</summary>
    public EmulatorApplication? Find(string idOrName) =>
        _byId.TryGetValue(idOrName, out var app) ? app : _byName.GetValueOrDefault(idOrName);

    /// <summary>Finds an application by id only (the <c>sub</c> of a statement).</summary>
    public EmulatorApplication? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Whether the application's software statements are revoked.</summary>
    public bool IsRevoked(string applicationId) => _revoked.ContainsKey(applicationId);

    /// <summary>Revokes every software statement of the application.</summary>
    public void Revoke(string applicationId) => _revoked[applicationId] = true;
}
