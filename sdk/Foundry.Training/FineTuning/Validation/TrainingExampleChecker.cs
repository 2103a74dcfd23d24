using System;
using System.Globalization;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Checks one line of a training file against its format, reading the UTF-8 bytes with <see cref="Utf8JsonReader"/>
/// directly: no DOM and no strings unless there is a problem to describe, so a valid line allocates nothing.
/// </summary>
internal static class TrainingExampleChecker
{
    private const string KnownRoles = "system, user, assistant, tool, function";
    private const string KnownReinforcementRoles = "developer, system, user, assistant, tool, function";

    private enum Role
    {
        Missing,
        Unknown,
        Developer,
        System,
        User,
        Assistant,
        Tool,
        Function,
    }

    private enum Content
    {
        Absent,
        Empty,
        Present,
        Invalid,
    }

    public static void Check(ReadOnlySpan<byte> line, TrainingFileScan scan)
    {
        if (!Utf8Validation.IsValid(line))
        {
            scan.Report(TrainingFileProblemKind.InvalidEncoding, "The line is not valid UTF-8.");
            return;
        }

        // One pass reads the top-level keys and checks the syntax of the whole line.
        var reader = new Utf8JsonReader(line);
        JsonTokenType root;
        TopLevel keys = default;
        try
        {
            reader.Read();
            root = reader.TokenType;
            if (root == JsonTokenType.StartObject)
            {
                keys = TopLevel.Read(ref reader);
            }
            else
            {
                reader.Skip();
            }

            // Throws when another value follows the first.
            reader.Read();
        }
        catch (JsonException ex)
        {
            scan.Report(TrainingFileProblemKind.InvalidJson, "The line is not valid JSON: " + ex.Message);
            return;
        }

        if (root != JsonTokenType.StartObject)
        {
            scan.Report(TrainingFileProblemKind.NotAnObject, $"The line is {Describe(root)}, not a JSON object.");
            return;
        }

        TrainingFileFormat? shape = keys.Shape;
        if (scan.Format is not { } format)
        {
            if (shape is null)
            {
                scan.Report(
                    TrainingFileProblemKind.UnrecognizedFormat,
                    "The line has none of \"messages\" (chat), \"prompt\"/\"completion\" or \"input\"/\"preferred_output\"/\"non_preferred_output\" (preference), so its format is unknown.");
                return;
            }

            format = shape.Value;
            scan.DetectFormat(format);
        }
        else if (!keys.Has(format) && shape is { } other)
        {
            string source = scan.FormatGiven ? "as asked" : "detected on line " + scan.FormatLine.ToString(CultureInfo.InvariantCulture);
            scan.Report(TrainingFileProblemKind.MixedFormat, $"The line is a {Name(other)} example but the file holds {Name(format)} examples ({source}).");
            return;
        }

        switch (format)
        {
            case TrainingFileFormat.Chat:
                CheckChat(line, keys, scan);
                break;
            case TrainingFileFormat.PromptCompletion:
                CheckPromptCompletion(line, keys, scan);
                break;
            case TrainingFileFormat.Reinforcement:
                CheckReinforcement(line, keys, scan);
                break;
            default:
                CheckPreference(line, keys, scan);
                break;
        }

        // The line is an object of the file's format: its tokens can be counted, even when some of its content is wrong.
        scan.Observe(line, format);
    }

    private static void CheckChat(ReadOnlySpan<byte> line, TopLevel keys, TrainingFileScan scan)
    {
        if (keys.Messages < 0)
        {
            scan.Report(TrainingFileProblemKind.MissingMessages, "The example has no \"messages\".");
        }
        else
        {
            CheckMessages(line, keys.Messages, "messages", requireAssistant: true, scan);
        }

        CheckTools(line, keys.Tools, "tools", scan);
    }

    /// <summary>A reinforcement example is a prompt: messages (developer messages allowed) and optional tools; other properties are grader data.</summary>
    private static void CheckReinforcement(ReadOnlySpan<byte> line, TopLevel keys, TrainingFileScan scan)
    {
        if (keys.Messages < 0)
        {
            scan.Report(TrainingFileProblemKind.MissingMessages, "The example has no \"messages\".");
        }
        else
        {
            CheckMessages(line, keys.Messages, "messages", requireAssistant: false, scan, allowDeveloper: true);
        }

        CheckTools(line, keys.Tools, "tools", scan);
    }

    private static void CheckPromptCompletion(ReadOnlySpan<byte> line, TopLevel keys, TrainingFileScan scan)
    {
        if (keys.Prompt < 0)
        {
            scan.Report(TrainingFileProblemKind.MissingPrompt, "The example has no \"prompt\".");
        }
        else
        {
            JsonTokenType prompt = JsonLine.At(line, keys.Prompt).TokenType;
            if (prompt != JsonTokenType.String)
            {
                scan.Report(TrainingFileProblemKind.MissingPrompt, $"\"prompt\" must be a string but is {Describe(prompt)}.");
            }
        }

        if (keys.Completion < 0)
        {
            scan.Report(TrainingFileProblemKind.MissingCompletion, "The example has no \"completion\".");
            return;
        }

        Utf8JsonReader completion = JsonLine.At(line, keys.Completion);
        if (completion.TokenType != JsonTokenType.String)
        {
            scan.Report(TrainingFileProblemKind.MissingCompletion, $"\"completion\" must be a string but is {Describe(completion.TokenType)}.");
        }
        else if (completion.ValueSpan.IsEmpty)
        {
            scan.Report(TrainingFileProblemKind.MissingCompletion, "\"completion\" is empty.");
        }
    }

    private static void CheckPreference(ReadOnlySpan<byte> line, TopLevel keys, TrainingFileScan scan)
    {
        if (keys.Input < 0)
        {
            scan.Report(TrainingFileProblemKind.MissingInput, "The example has no \"input\" with the conversation to answer.");
        }
        else
        {
            CheckPreferenceInput(line, keys.Input, scan);
        }

        CheckOutput(line, keys.PreferredOutput, "preferred_output", TrainingFileProblemKind.MissingPreferredOutput, scan);
        CheckOutput(line, keys.NonPreferredOutput, "non_preferred_output", TrainingFileProblemKind.MissingNonPreferredOutput, scan);
    }

    private static void CheckPreferenceInput(ReadOnlySpan<byte> line, int offset, TrainingFileScan scan)
    {
        Utf8JsonReader reader = JsonLine.At(line, offset);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            scan.Report(TrainingFileProblemKind.MissingInput, $"\"input\" must be an object with \"messages\" but is {Describe(reader.TokenType)}.");
            return;
        }

        (int messages, int tools, _) = JsonLine.Find(line, offset, "messages"u8, "tools"u8, ReadOnlySpan<byte>.Empty);
        if (messages < 0)
        {
            scan.Report(TrainingFileProblemKind.MissingMessages, "\"input\" has no \"messages\".");
        }
        else
        {
            CheckMessages(line, messages, "input.messages", requireAssistant: false, scan);
        }

        CheckTools(line, tools, "input.tools", scan);
    }

    private static void CheckOutput(ReadOnlySpan<byte> line, int offset, string name, TrainingFileProblemKind missing, TrainingFileScan scan)
    {
        if (offset < 0)
        {
            scan.Report(missing, $"The example has no \"{name}\".");
            return;
        }

        Utf8JsonReader reader = JsonLine.At(line, offset);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            scan.Report(missing, $"\"{name}\" must be an array holding an assistant message but is {Describe(reader.TokenType)}.");
            return;
        }

        int index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                scan.Report(TrainingFileProblemKind.InvalidMessages, $"{name}[{index}] must be a message object but is {Describe(reader.TokenType)}.");
                reader.Skip();
            }
            else
            {
                Role role = CheckMessage(ref reader, name, index, scan);
                if (role is Role.System or Role.User or Role.Tool or Role.Function)
                {
                    scan.Report(missing, $"{name}[{index}] is a {Name(role)} message; outputs must be assistant messages.");
                }
            }

            index++;
        }

        if (index == 0)
        {
            scan.Report(missing, $"\"{name}\" is empty.");
        }
    }

    private static void CheckMessages(ReadOnlySpan<byte> line, int offset, string path, bool requireAssistant, TrainingFileScan scan, bool allowDeveloper = false)
    {
        Utf8JsonReader reader = JsonLine.At(line, offset);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            scan.Report(TrainingFileProblemKind.InvalidMessages, $"\"{path}\" must be an array of messages but is {Describe(reader.TokenType)}.");
            return;
        }

        int index = 0;
        bool hasAssistant = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                scan.Report(TrainingFileProblemKind.InvalidMessages, $"{path}[{index}] must be a message object but is {Describe(reader.TokenType)}.");
                reader.Skip();
            }
            else if (CheckMessage(ref reader, path, index, scan, allowDeveloper) == Role.Assistant)
            {
                hasAssistant = true;
            }

            index++;
        }

        if (index == 0)
        {
            scan.Report(TrainingFileProblemKind.InvalidMessages, $"\"{path}\" is empty.");
        }
        else if (requireAssistant && !hasAssistant)
        {
            scan.Report(TrainingFileProblemKind.NoAssistantMessage, $"\"{path}\" has no assistant message to learn from.");
        }
    }

    /// <summary>Checks the message object <paramref name="reader"/> is on and leaves it on the object's end.</summary>
    private static Role CheckMessage(ref Utf8JsonReader reader, string path, int index, TrainingFileScan scan, bool allowDeveloper = false)
    {
        Role role = Role.Missing;
        string? unknownRole = null;
        Content content = Content.Absent;
        JsonTokenType contentToken = JsonTokenType.None;
        bool hasCalls = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("role"u8))
            {
                reader.Read();
                role = ReadRole(ref reader, out unknownRole);
            }
            else if (reader.ValueTextEquals("content"u8))
            {
                reader.Read();
                contentToken = reader.TokenType;
                content = ReadContent(ref reader);
            }
            else if (reader.ValueTextEquals("tool_calls"u8) || reader.ValueTextEquals("function_call"u8))
            {
                reader.Read();
                hasCalls |= IsNonEmptyContainer(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (role == Role.Missing)
        {
            scan.Report(TrainingFileProblemKind.MissingRole, $"{path}[{index}] has no \"role\".");
        }
        else if (role == Role.Developer && !allowDeveloper)
        {
            scan.Report(TrainingFileProblemKind.UnknownRole, $"{path}[{index}].role 'developer' is not one of {KnownRoles}.");
        }
        else if (role == Role.Unknown)
        {
            scan.Report(TrainingFileProblemKind.UnknownRole, $"{path}[{index}].role {unknownRole} is not one of {(allowDeveloper ? KnownReinforcementRoles : KnownRoles)}.");
        }

        if (content == Content.Invalid)
        {
            scan.Report(TrainingFileProblemKind.InvalidContent, $"{path}[{index}].content must be a string or an array of content parts but is {Describe(contentToken)}.");
        }
        else if (content != Content.Present && !(role == Role.Assistant && hasCalls))
        {
            scan.Report(TrainingFileProblemKind.MissingContent, $"{path}[{index}] has {(content == Content.Empty ? "empty content" : "no content")}.");
        }

        return role;
    }

    private static Role ReadRole(ref Utf8JsonReader reader, out string? unknown)
    {
        unknown = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return Role.Missing;
            case JsonTokenType.String:
                if (reader.ValueTextEquals("system"u8))
                {
                    return Role.System;
                }

                if (reader.ValueTextEquals("user"u8))
                {
                    return Role.User;
                }

                if (reader.ValueTextEquals("assistant"u8))
                {
                    return Role.Assistant;
                }

                if (reader.ValueTextEquals("tool"u8))
                {
                    return Role.Tool;
                }

                if (reader.ValueTextEquals("function"u8))
                {
                    return Role.Function;
                }

                if (reader.ValueTextEquals("developer"u8))
                {
                    return Role.Developer;
                }

                // Quote short values only: a role can be any size and the message must stay small.
                unknown = reader.ValueSpan.Length <= 64 ? "'" + reader.GetString() + "'" : "(a string of " + reader.ValueSpan.Length.ToString(CultureInfo.InvariantCulture) + " bytes)";
                return Role.Unknown;
            default:
                unknown = "(" + Describe(reader.TokenType) + ")";
                reader.Skip();
                return Role.Unknown;
        }
    }

    private static Content ReadContent(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return Content.Absent;
            case JsonTokenType.String:
                return reader.ValueSpan.IsEmpty ? Content.Empty : Content.Present;
            case JsonTokenType.StartArray:
                return IsNonEmptyContainer(ref reader) ? Content.Present : Content.Empty;
            default:
                reader.Skip();
                return Content.Invalid;
        }
    }

    /// <summary>Whether the value is a non-empty array or an object; leaves <paramref name="reader"/> on the value's end.</summary>
    private static bool IsNonEmptyContainer(ref Utf8JsonReader reader)
    {
        bool nonEmpty = reader.TokenType == JsonTokenType.StartObject;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            Utf8JsonReader peek = reader;
            nonEmpty = peek.Read() && peek.TokenType != JsonTokenType.EndArray;
        }

        reader.Skip();
        return nonEmpty;
    }

    private static void CheckTools(ReadOnlySpan<byte> line, int offset, string path, TrainingFileScan scan)
    {
        if (offset < 0)
        {
            return;
        }

        JsonTokenType tools = JsonLine.At(line, offset).TokenType;
        if (tools is not (JsonTokenType.StartArray or JsonTokenType.Null))
        {
            scan.Report(TrainingFileProblemKind.InvalidTools, $"\"{path}\" must be an array of tools but is {Describe(tools)}.");
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "missing",
    };

    private static string Name(TrainingFileFormat format) => format switch
    {
        TrainingFileFormat.Chat => "chat",
        TrainingFileFormat.PromptCompletion => "prompt-completion",
        TrainingFileFormat.Reinforcement => "reinforcement",
        _ => "preference",
    };

    private static string Name(Role role) => role.ToString().ToLowerInvariant();

    /// <summary>Where each top-level property the formats use starts in the line; -1 when absent.</summary>
    private struct TopLevel
    {
        public int Messages;
        public int Tools;
        public int Prompt;
        public int Completion;
        public int Input;
        public int PreferredOutput;
        public int NonPreferredOutput;

        /// <summary>The format the properties point to; preference first, as its examples may also carry chat-like keys.</summary>
        public readonly TrainingFileFormat? Shape =>
            Has(TrainingFileFormat.Preference) ? TrainingFileFormat.Preference
            : Has(TrainingFileFormat.Chat) ? TrainingFileFormat.Chat
            : Has(TrainingFileFormat.PromptCompletion) ? TrainingFileFormat.PromptCompletion
            : null;

        public readonly bool Has(TrainingFileFormat format) => format switch
        {
            TrainingFileFormat.Chat or TrainingFileFormat.Reinforcement => Messages >= 0,
            TrainingFileFormat.PromptCompletion => Prompt >= 0 || Completion >= 0,
            _ => Input >= 0 || PreferredOutput >= 0 || NonPreferredOutput >= 0,
        };

        /// <summary>Reads the properties of the object <paramref name="reader"/> is on.</summary>
        public static TopLevel Read(ref Utf8JsonReader reader)
        {
            var keys = new TopLevel { Messages = -1, Tools = -1, Prompt = -1, Completion = -1, Input = -1, PreferredOutput = -1, NonPreferredOutput = -1 };
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool messages = reader.ValueTextEquals("messages"u8);
                bool tools = reader.ValueTextEquals("tools"u8);
                bool prompt = reader.ValueTextEquals("prompt"u8);
                bool completion = reader.ValueTextEquals("completion"u8);
                bool input = reader.ValueTextEquals("input"u8);
                bool preferred = reader.ValueTextEquals("preferred_output"u8);
                bool nonPreferred = reader.ValueTextEquals("non_preferred_output"u8);
                reader.Read();
                int start = (int)reader.TokenStartIndex;
                keys.Messages = messages ? start : keys.Messages;
                keys.Tools = tools ? start : keys.Tools;
                keys.Prompt = prompt ? start : keys.Prompt;
                keys.Completion = completion ? start : keys.Completion;
                keys.Input = input ? start : keys.Input;
                keys.PreferredOutput = preferred ? start : keys.PreferredOutput;
                keys.NonPreferredOutput = nonPreferred ? start : keys.NonPreferredOutput;
                reader.Skip();
            }

            return keys;
        }
    }
}
