using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Foundry.Training.Conformance;

/// <summary>
/// The operations of a JSON OpenAPI document (the compiled Foundry spec): method, path, operation id and the query
/// parameters each declares, to report coverage and to catch a query parameter the spec does not have (Prism lets
/// unknown ones through).
/// </summary>
internal sealed class JsonSpecDocument
{
    private static readonly string[] s_methods = { "get", "put", "post", "delete", "patch" };

    private JsonSpecDocument(List<SpecOperation> operations)
    {
        Operations = operations;
    }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static JsonSpecDocument Load(string path)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(path));
        var operations = new List<SpecOperation>();
        foreach (JsonProperty pathItem in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (JsonProperty operation in pathItem.Value.EnumerateObject().Where(p => s_methods.Contains(p.Name)))
            {
                var query = new HashSet<string>(StringComparer.Ordinal);
                if (operation.Value.TryGetProperty("parameters", out JsonElement parameters))
                {
                    foreach (JsonElement reference in parameters.EnumerateArray())
                    {
                        JsonElement parameter = Resolve(document.RootElement, reference);
                        if (parameter.TryGetProperty("in", out JsonElement where) && where.GetString() == "query")
                        {
                            query.Add(parameter.GetProperty("name").GetString()!);
                        }
                    }
                }

                string template = Regex.Escape(pathItem.Name).Replace("\\{", "{", StringComparison.Ordinal);
                var route = new Regex("^" + Regex.Replace(template, "{[^}]+}", "[^/]+") + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
                operations.Add(new SpecOperation(operation.Name.ToUpperInvariant(), pathItem.Name, operation.Value.GetProperty("operationId").GetString()!, route, query));
            }
        }

        return new JsonSpecDocument(operations);
    }

    /// <summary>A parameter, or the one its <c>$ref</c> (<c>#/components/parameters/...</c>, as the datasets routes' <c>api-version</c>) names.</summary>
    private static JsonElement Resolve(JsonElement root, JsonElement parameter)
    {
        if (!parameter.TryGetProperty("$ref", out JsonElement reference))
        {
            return parameter;
        }

        JsonElement target = root;
        foreach (string part in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return target;
    }

    /// <summary>The operation a request goes to, or null; a literal segment wins over a parameter (<c>metrics/last_values</c>).</summary>
    public SpecOperation? Match(string method, string path) =>
        Operations.Where(o => o.Method == method && o.Route.IsMatch(path)).OrderBy(o => o.Path.Count(c => c == '{')).FirstOrDefault();

    internal sealed record SpecOperation(string Method, string Path, string OperationId, Regex Route, IReadOnlySet<string> Query);
}
