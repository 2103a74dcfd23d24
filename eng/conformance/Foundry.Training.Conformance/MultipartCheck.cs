using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text;

namespace Foundry.Training.Conformance;

/// <summary>
/// Checks an upload's <c>multipart/form-data</c> body against the spec's form fields. Prism does not: it ignores
/// Swagger 2.0 <c>formData</c> parameters altogether, and on OpenAPI 3 it checks required fields and enums but lets
/// unknown parts through despite <c>additionalProperties: false</c>.
/// </summary>
internal static class MultipartCheck
{
    /// <summary>Returns every way the body breaks the form: missing or unknown parts, a bad purpose, a wrong file part.</summary>
    public static IEnumerable<string> Check(Exchange exchange, IReadOnlyCollection<string> allowedPurposes, IReadOnlyCollection<string> allowedFields, string expectedPurpose, string expectedFileName, byte[] expectedContent)
    {
        var problems = new List<string>();
        if (exchange.RequestContentType is null || !MediaTypeHeaderValue.TryParse(exchange.RequestContentType, out MediaTypeHeaderValue? type) || type.MediaType != "multipart/form-data")
        {
            problems.Add($"the upload's content type is {exchange.RequestContentType ?? "missing"}, not multipart/form-data");
            return problems;
        }

        string? boundary = type.Parameters.FirstOrDefault(p => p.Name == "boundary")?.Value?.Trim('"');
        if (string.IsNullOrEmpty(boundary))
        {
            problems.Add("the multipart content type has no boundary");
            return problems;
        }

        List<Part>? parts = Parse(exchange.RequestBody ?? Array.Empty<byte>(), boundary, problems);
        if (parts is null)
        {
            return problems;
        }

        foreach (Part part in parts.Where(p => !allowedFields.Contains(p.Name)))
        {
            problems.Add($"the form has a part '{part.Name}' the spec does not define");
        }

        foreach (IGrouping<string, Part> group in parts.GroupBy(p => p.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"the form has {group.Count()} '{group.Key}' parts");
        }

        Part? purpose = parts.FirstOrDefault(p => p.Name == "purpose");
        if (purpose is null)
        {
            problems.Add("the required form field 'purpose' is missing");
        }
        else
        {
            string value = Encoding.UTF8.GetString(purpose.Content);
            if (!allowedPurposes.Contains(value))
            {
                problems.Add($"purpose '{value}' is not one of the spec's values ({string.Join(", ", allowedPurposes)})");
            }
            else if (value != expectedPurpose)
            {
                problems.Add($"purpose '{value}' was sent, '{expectedPurpose}' was asked for");
            }

            if (purpose.FileName is not null)
            {
                problems.Add("'purpose' is sent as a file, not a form field");
            }
        }

        Part? file = parts.FirstOrDefault(p => p.Name == "file");
        if (file is null)
        {
            problems.Add("the required form field 'file' is missing");
        }
        else
        {
            if (file.FileName != expectedFileName)
            {
                problems.Add($"the file part's filename is '{file.FileName ?? "(none)"}', expected '{expectedFileName}'");
            }

            if (!file.Content.AsSpan().SequenceEqual(expectedContent))
            {
                problems.Add($"the file part carries {file.Content.Length} bytes that differ from the {expectedContent.Length} uploaded");
            }
        }

        return problems;
    }

    private static List<Part>? Parse(byte[] body, string boundary, List<string> problems)
    {
        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<Part>();
        int position = IndexOf(body, delimiter, 0);
        if (position != 0)
        {
            problems.Add("the multipart body does not start with its boundary");
            return null;
        }

        while (true)
        {
            position += delimiter.Length;
            if (position + 2 <= body.Length && body[position] == '-' && body[position + 1] == '-')
            {
                return parts; // closing delimiter
            }

            if (position + 2 > body.Length || body[position] != '\r' || body[position + 1] != '\n')
            {
                problems.Add("a multipart boundary is not followed by CRLF");
                return null;
            }

            int headersStart = position + 2;
            int headersEnd = IndexOf(body, "\r\n\r\n"u8.ToArray(), headersStart);
            int next = IndexOf(body, Encoding.ASCII.GetBytes("\r\n--" + boundary), headersStart);
            if (headersEnd < 0 || next < 0 || headersEnd > next)
            {
                problems.Add("a multipart part is not terminated by its boundary");
                return null;
            }

            string headers = Encoding.UTF8.GetString(body, headersStart, headersEnd - headersStart);
            byte[] content = body.AsSpan(headersEnd + 4, next - headersEnd - 4).ToArray();
            ContentDispositionHeaderValue? disposition = null;
            foreach (string line in headers.Split("\r\n"))
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0 && line.Substring(0, colon).Trim().Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    ContentDispositionHeaderValue.TryParse(line.Substring(colon + 1).Trim(), out disposition);
                }
            }

            if (disposition is null || disposition.DispositionType != "form-data" || string.IsNullOrEmpty(disposition.Name))
            {
                problems.Add("a multipart part has no 'Content-Disposition: form-data; name=...' header");
                return null;
            }

            parts.Add(new Part(disposition.Name.Trim('"'), disposition.FileName?.Trim('"'), content));
            position = next + 2;
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int start)
    {
        int index = haystack.AsSpan(start).IndexOf(needle);
        return index < 0 ? -1 : index + start;
    }

    private sealed record Part(string Name, string? FileName, byte[] Content);
}
