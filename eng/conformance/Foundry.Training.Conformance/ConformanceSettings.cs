using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Foundry.Training.Conformance;

/// <summary>Command-line settings (see <c>--help</c>).</summary>
internal sealed class ConformanceSettings
{
    public const string Usage = """
        Usage: Foundry.Training.Conformance --prism-cli PATH [options]
          --prism-cli PATH         Prism's CLI script (node_modules/@stoplight/prism-cli/dist/index.js)
          --node PATH              Node.js (default: node)
          --conformance-dir DIR    eng/conformance (specs/ and known-deviations.json; default: from the executable's location)
          --services LIST          foundry,azure-openai,openai (default: all three)
          --directions LIST        request,response (default: both); request drives the SDK against a Prism mock of each
                                   spec, response drives it through a validating Prism proxy in front of the emulator
          --modes LIST             static,dynamic (default: both), for the request direction; dynamic asks Prism for
                                   schema-generated bodies
          --foundry-spec PATH      the compiled Foundry OpenAPI document (default: obj/foundry-typespec/
                                   foundry-training-jobs.openapi.json, which foundry-typespec/compile.mjs writes)
          --compile-foundry        compile it first (node foundry-typespec/compile.mjs), while the other Prisms load
          --no-proxy-errors        start every proxy without --errors (exploration: every response reaches the SDK and
                                   all violations show, instead of the first one becoming a 500); the Azure OpenAI
                                   proxy always runs without it (see ProxyErrorsFor)
          --table PATH             also write the operation x direction x result table (Markdown) to PATH
          --seed TEXT              Prism's seed for dynamic bodies (default: 1), so a run is reproducible; "none" for fresh
                                   random bodies on every request (exploration, with --repeat)
          --repeat N               run the modes N times (default: 1)
          --prism-errors           start Prism with --errors (response violations become 500s; see docs/conformance.md)
          --startup-timeout SECS   per Prism process (default: 300)
          --operation-timeout SECS per SDK call (default: 60)
        """;

    public string Node { get; private set; } = "node";

    public string PrismCli { get; private set; } = "";

    public string ConformanceDirectory { get; private set; } = "";

    public IReadOnlyList<string> Services { get; private set; } = new[] { ServiceNames.Foundry, ServiceNames.AzureOpenAI, ServiceNames.OpenAI };

    public IReadOnlyList<string> Directions { get; private set; } = new[] { ServiceNames.Request, ServiceNames.Response };

    public bool ProxyErrors { get; private set; } = true;

    /// <summary>
    /// Whether <paramref name="service"/>'s proxy runs with <c>--errors</c>. Never for Azure OpenAI: its spec's 201
    /// <c>Location</c> header (<c>format: url</c>, known deviation <c>azure-location-header-format-url</c>) fails every
    /// create, upload and import response, and <c>--errors</c> would answer each with a 500 instead of the emulator's
    /// body, so the SDK would not see those bodies (and an upload would look its file up, as after any 5xx). Without it
    /// Prism passes the emulator's answer on and lists every violation in <c>sl-violations</c>, judged one by one as
    /// always; a list Prism cut short fails the exchange (<see cref="ExchangeRecorder"/>).
    /// </summary>
    public bool ProxyErrorsFor(string service) => ProxyErrors && service != ServiceNames.AzureOpenAI;

    public bool CompileFoundry { get; private set; }

    public string? TablePath { get; private set; }

    public string FoundrySpec { get; private set; } = "";

    public IReadOnlyList<string> Modes { get; private set; } = new[] { "static", "dynamic" };

    public string Seed { get; private set; } = "1";

    public bool PrismErrors { get; private set; }

    public int Repeat { get; private set; } = 1;

    public TimeSpan StartupTimeout { get; private set; } = TimeSpan.FromSeconds(300);

    public TimeSpan OperationTimeout { get; private set; } = TimeSpan.FromSeconds(60);

    public string AzureSpec => Path.Combine(ConformanceDirectory, "specs", "azure-openai-2024-05-01-preview", "azureopenai.yaml");

    public string OpenAISpec => Path.Combine(ConformanceDirectory, "specs", "openai", "openapi.yaml");

    public string DeviationsPath => Path.Combine(ConformanceDirectory, "known-deviations.json");

    /// <summary>The spec document Prism loads for <paramref name="service"/>.</summary>
    public string SpecOf(string service) => service switch
    {
        ServiceNames.Foundry => FoundrySpec,
        ServiceNames.AzureOpenAI => AzureSpec,
        _ => OpenAISpec,
    };

    /// <exception cref="ArgumentException">An argument is unknown, misses its value or is invalid.</exception>
    public static ConformanceSettings Parse(string[] args)
    {
        var settings = new ConformanceSettings();
        for (int i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.", nameof(args));
            switch (args[i])
            {
                case "--prism-cli": settings.PrismCli = Path.GetFullPath(Value()); break;
                case "--node": settings.Node = Value(); break;
                case "--conformance-dir": settings.ConformanceDirectory = Path.GetFullPath(Value()); break;
                case "--services": settings.Services = List(Value(), ServiceNames.Foundry, ServiceNames.AzureOpenAI, ServiceNames.OpenAI); break;
                case "--directions": settings.Directions = List(Value(), ServiceNames.Request, ServiceNames.Response); break;
                case "--foundry-spec": settings.FoundrySpec = Path.GetFullPath(Value()); break;
                case "--no-proxy-errors": settings.ProxyErrors = false; break;
                case "--compile-foundry": settings.CompileFoundry = true; break;
                case "--table": settings.TablePath = Path.GetFullPath(Value()); break;
                case "--modes": settings.Modes = List(Value(), "static", "dynamic"); break;
                case "--seed": settings.Seed = Value(); break;
                case "--prism-errors": settings.PrismErrors = true; break;
                case "--repeat": settings.Repeat = PositiveInt(Value()); break;
                case "--startup-timeout": settings.StartupTimeout = Seconds(Value()); break;
                case "--operation-timeout": settings.OperationTimeout = Seconds(Value()); break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.", nameof(args));
            }
        }

        if (settings.PrismCli.Length == 0)
        {
            throw new ArgumentException("--prism-cli is required.", nameof(args));
        }

        if (settings.ConformanceDirectory.Length == 0)
        {
            // bin/<Configuration>/net10.0/ under eng/conformance/Foundry.Training.Conformance/
            settings.ConformanceDirectory = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", ".."));
        }

        if (settings.FoundrySpec.Length == 0)
        {
            settings.FoundrySpec = Path.Combine(settings.ConformanceDirectory, "obj", "foundry-typespec", "foundry-training-jobs.openapi.json");
        }

        var required = new List<string> { settings.PrismCli, settings.AzureSpec, settings.OpenAISpec, settings.DeviationsPath };
        if (!settings.CompileFoundry && settings.Services.Contains(ServiceNames.Foundry))
        {
            required.Add(settings.FoundrySpec);
        }

        foreach (string file in required)
        {
            if (!File.Exists(file))
            {
                throw new ArgumentException($"{file} does not exist.", nameof(args));
            }
        }

        return settings;
    }

    private static string[] List(string value, params string[] allowed)
    {
        string[] items = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string? unknown = items.FirstOrDefault(item => !allowed.Contains(item));
        if (items.Length == 0 || unknown is not null)
        {
            throw new ArgumentException($"'{value}': expected a comma-separated subset of {string.Join(", ", allowed)}.", nameof(value));
        }

        return allowed.Where(items.Contains).ToArray();
    }

    private static TimeSpan Seconds(string value) => TimeSpan.FromSeconds(PositiveInt(value));

    private static int PositiveInt(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number > 0
            ? number
            : throw new ArgumentException($"'{value}' is not a positive whole number.", nameof(value));
}
