using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Foundry.Training.Conformance;

/// <summary>
/// The documented allow-list (<c>known-deviations.json</c>): problems that are the spec's or Prism's, each with its reason.
/// A problem is excused only by an entry for its service, spec operation and mode with a pattern that matches it; an entry
/// that excuses nothing in a run is reported as stale and fails the run, so the list cannot rot.
/// </summary>
internal sealed class KnownDeviations
{
    private readonly List<Entry> _entries;
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    private KnownDeviations(List<Entry> entries)
    {
        _entries = entries;
    }

    public int Count => _entries.Count;

    public static KnownDeviations Load(string path)
    {
        DeviationFile file = JsonSerializer.Deserialize<DeviationFile>(File.ReadAllBytes(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidDataException(path + " is empty.");
        foreach (Entry entry in file.Deviations)
        {
            if (string.IsNullOrWhiteSpace(entry.Id) || string.IsNullOrWhiteSpace(entry.Reason) || string.IsNullOrWhiteSpace(entry.Blame)
                || string.IsNullOrWhiteSpace(entry.Spec) || entry.Patterns.Count == 0 || entry.Operations.Count == 0)
            {
                throw new InvalidDataException($"{path}: every deviation needs an id, blame, the spec line, a reason, operations and patterns ({entry.Id}).");
            }

            try
            {
                entry.Compiled = entry.Patterns.Select(p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))).ToList();
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDataException($"{path}: deviation {entry.Id} has an invalid pattern: {ex.Message}", ex);
            }
        }

        return new KnownDeviations(file.Deviations);
    }

    /// <summary>The id of the entry that excuses <paramref name="problem"/>, or null.</summary>
    public string? Excuse(string service, string? specOperation, string mode, string problem)
    {
        foreach (Entry entry in _entries)
        {
            if (entry.Service == service
                && entry.Operations.Contains(specOperation ?? "-")
                && (entry.Modes.Count == 0 || entry.Modes.Contains(mode))
                && entry.Compiled.Any(r => r.IsMatch(problem)))
            {
                _used.Add(entry.Id);
                return entry.Id;
            }
        }

        return null;
    }

    /// <summary>Entries for the services and modes that ran which excused nothing.</summary>
    public IEnumerable<string> Stale(IReadOnlyCollection<string> servicesRun, IReadOnlyCollection<string> modesRun) =>
        _entries
            .Where(e => servicesRun.Contains(e.Service) && (e.Modes.Count == 0 ? modesRun.Count > 0 : e.Modes.All(modesRun.Contains)))
            .Where(e => !_used.Contains(e.Id))
            .Select(e => e.Id);

    public string Describe(string id) => _entries.First(e => e.Id == id).Blame;

    private sealed class DeviationFile
    {
        [JsonPropertyName("deviations")]
        public List<Entry> Deviations { get; set; } = new();
    }

    private sealed class Entry
    {
        public string Id { get; set; } = "";

        public string Service { get; set; } = "";

        /// <summary>Spec operation ids ("-" for an SDK operation the spec does not have).</summary>
        public List<string> Operations { get; set; } = new();

        /// <summary>"static", "dynamic"; empty for both.</summary>
        public List<string> Modes { get; set; } = new();

        /// <summary>Regular expressions, one of which a problem's text must match.</summary>
        public List<string> Patterns { get; set; } = new();

        [JsonIgnore]
        public List<Regex> Compiled { get; set; } = new();

        /// <summary>The spec lines the entry is about.</summary>
        public string Spec { get; set; } = "";

        /// <summary>Whose fault: "spec", "prism" or both.</summary>
        public string Blame { get; set; } = "";

        public string Reason { get; set; } = "";
    }
}
