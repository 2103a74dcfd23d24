using System;
using System.Text;
using System.Text.Json;

namespace Foundry.Training.FineTuning;

/// <summary>
/// Counts the tokens of one example by OpenAI's guidance (the OpenAI Cookbook's <c>num_tokens_from_messages</c> and
/// <c>num_tokens_for_tools</c>): each message adds its overhead and the tokens of every string it holds (role, content,
/// name, tool call id, ...), a name adds its own overhead, the reply is primed once, and tool definitions are counted as
/// <c>name:description</c> and <c>parameter:type:description</c> lines. Content parts count their text (images are not
/// text and are not counted), tool and function calls their name and arguments.
/// </summary>
/// <remarks>
/// The line is read with <see cref="Utf8JsonReader"/>; each string is unescaped into one reused buffer and handed to the
/// counter, so an example costs no allocation beyond the counter's own. The scan only shows lines that are JSON objects
/// (never in a <c>ReadOnlySequence</c>), but their content may have any shape: a value of an unexpected type adds nothing.
/// </remarks>
internal sealed class ExampleTokenCounter
{
    private readonly TrainingTokenCounter _counter;
    private readonly ChatTokenOverhead _overhead;

    // The text being counted: one unescaped string, or a tool definition's line built from several.
    private char[] _text = new char[1024];
    private int _length;

    public ExampleTokenCounter(TrainingTokenCounter counter)
    {
        _counter = counter;
        _overhead = counter.Overhead;
    }

    /// <summary>Counts the example on <paramref name="line"/>, a JSON object of <paramref name="format"/>.</summary>
    public ExampleTokenCount Count(ReadOnlySpan<byte> line, TrainingFileFormat format) => format switch
    {
        TrainingFileFormat.PromptCompletion => CountPromptCompletion(line),
        TrainingFileFormat.Preference => CountPreference(line),
        _ => CountChat(line),
    };

    private ExampleTokenCount CountChat(ReadOnlySpan<byte> line)
    {
        Utf8JsonReader reader = At(line, 0);
        int messages = -1;
        int tools = -1;
        int functions = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isMessages = reader.ValueTextEquals("messages"u8);
            bool isTools = reader.ValueTextEquals("tools"u8);
            bool isFunctions = reader.ValueTextEquals("functions"u8);
            reader.Read();
            int start = (int)reader.TokenStartIndex;
            messages = isMessages ? start : messages;
            tools = isTools ? start : tools;
            functions = isFunctions ? start : functions;
            reader.Skip();
        }

        MessageTokenCount conversation = CountMessages(line, messages);
        long tokens = conversation.Tokens + _overhead.PerReply + CountTools(line, tools, functions);
        return new ExampleTokenCount(tokens, conversation.AssistantTokens, tokens);
    }

    private ExampleTokenCount CountPreference(ReadOnlySpan<byte> line)
    {
        Utf8JsonReader reader = At(line, 0);
        int messages = -1;
        int tools = -1;
        int functions = -1;
        int preferred = -1;
        int nonPreferred = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isInput = reader.ValueTextEquals("input"u8);
            bool isPreferred = reader.ValueTextEquals("preferred_output"u8);
            bool isNonPreferred = reader.ValueTextEquals("non_preferred_output"u8);
            reader.Read();
            int start = (int)reader.TokenStartIndex;
            preferred = isPreferred ? start : preferred;
            nonPreferred = isNonPreferred ? start : nonPreferred;
            if (isInput && reader.TokenType == JsonTokenType.StartObject)
            {
                // The conversation and its tools are inside "input"; a later "input" replaces an earlier one.
                messages = tools = functions = -1;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isMessages = reader.ValueTextEquals("messages"u8);
                    bool isTools = reader.ValueTextEquals("tools"u8);
                    bool isFunctions = reader.ValueTextEquals("functions"u8);
                    reader.Read();
                    int inner = (int)reader.TokenStartIndex;
                    messages = isMessages ? inner : messages;
                    tools = isTools ? inner : tools;
                    functions = isFunctions ? inner : functions;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }
        }

        long input = CountMessages(line, messages).Tokens + _overhead.PerReply + CountTools(line, tools, functions);
        MessageTokenCount better = CountMessages(line, preferred);
        MessageTokenCount worse = CountMessages(line, nonPreferred);

        // Both outputs are training data (billed), but the model reads the input with one output at a time.
        return new ExampleTokenCount(
            input + better.Tokens + worse.Tokens,
            better.AssistantTokens + worse.AssistantTokens,
            input + Math.Max(better.Tokens, worse.Tokens));
    }

    private ExampleTokenCount CountPromptCompletion(ReadOnlySpan<byte> line)
    {
        Utf8JsonReader reader = At(line, 0);
        long prompt = 0;
        long completion = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isPrompt = reader.ValueTextEquals("prompt"u8);
            bool isCompletion = reader.ValueTextEquals("completion"u8);
            reader.Read();
            if (reader.TokenType == JsonTokenType.String && (isPrompt || isCompletion))
            {
                int tokens = CountString(ref reader);
                prompt = isPrompt ? tokens : prompt;
                completion = isCompletion ? tokens : completion;
            }
            else
            {
                reader.Skip();
            }
        }

        return new ExampleTokenCount(prompt + completion, completion, prompt + completion);
    }

    /// <summary>The messages of the array at <paramref name="offset"/> (none when -1 or not an array), without the reply priming.</summary>
    private MessageTokenCount CountMessages(ReadOnlySpan<byte> line, int offset)
    {
        if (offset < 0)
        {
            return default;
        }

        Utf8JsonReader reader = At(line, offset);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return default;
        }

        long tokens = 0;
        long assistant = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                MessageTokenCount message = CountMessage(ref reader);
                tokens += message.Tokens;
                assistant += message.AssistantTokens;
            }
            else
            {
                reader.Skip();
            }
        }

        return new MessageTokenCount(tokens, assistant);
    }

    /// <summary>One message; <paramref name="reader"/> is on its start and is left on its end.</summary>
    private MessageTokenCount CountMessage(ref Utf8JsonReader reader)
    {
        long tokens = _overhead.PerMessage;
        long answer = 0; // content and calls: what an assistant message teaches
        bool assistant = false;
        bool silenced = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isRole = reader.ValueTextEquals("role"u8);
            bool isName = reader.ValueTextEquals("name"u8);
            bool isContent = reader.ValueTextEquals("content"u8);
            bool isToolCalls = reader.ValueTextEquals("tool_calls"u8);
            bool isFunctionCall = reader.ValueTextEquals("function_call"u8);
            bool isWeight = reader.ValueTextEquals("weight"u8);
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    // Every string of a message is text the model reads (role, content, name, tool_call_id, ...).
                    assistant = isRole ? reader.ValueTextEquals("assistant"u8) : assistant;
                    int text = CountString(ref reader);
                    tokens += text + (isName ? _overhead.PerName : 0);
                    answer += isContent ? text : 0;
                    break;
                case JsonTokenType.StartArray when isContent:
                    long parts = CountContentParts(ref reader);
                    tokens += parts;
                    answer += parts;
                    break;
                case JsonTokenType.StartArray when isToolCalls:
                    long calls = CountToolCalls(ref reader);
                    tokens += calls;
                    answer += calls;
                    break;
                case JsonTokenType.StartObject when isFunctionCall:
                    long call = CountCall(ref reader);
                    tokens += call;
                    answer += call;
                    break;
                case JsonTokenType.Number when isWeight:
                    // "weight": 0 keeps an assistant message as context but does not train on it.
                    silenced = reader.TryGetDouble(out double weight) && weight == 0;
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new MessageTokenCount(tokens, assistant && !silenced ? answer : 0);
    }

    /// <summary>The text of content parts (<c>{"type":"text","text":"..."}</c>); other parts, such as images, are not text.</summary>
    private long CountContentParts(ref Utf8JsonReader reader)
    {
        long tokens = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isText = reader.ValueTextEquals("text"u8);
                reader.Read();
                if (isText && reader.TokenType == JsonTokenType.String)
                {
                    tokens += CountString(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return tokens;
    }

    /// <summary>Tool calls: the name and arguments of each call's function.</summary>
    private long CountToolCalls(ref Utf8JsonReader reader)
    {
        long tokens = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isFunction = reader.ValueTextEquals("function"u8);
                reader.Read();
                if (isFunction && reader.TokenType == JsonTokenType.StartObject)
                {
                    tokens += CountCall(ref reader);
                }
                else
                {
                    reader.Skip();
                }
            }
        }

        return tokens;
    }

    /// <summary>A function call (<c>{"name":"...","arguments":"..."}</c>): its name and arguments.</summary>
    private long CountCall(ref Utf8JsonReader reader)
    {
        long tokens = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool counted = reader.ValueTextEquals("name"u8) || reader.ValueTextEquals("arguments"u8);
            reader.Read();
            if (counted && reader.TokenType == JsonTokenType.String)
            {
                tokens += CountString(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return tokens;
    }

    /// <summary>The tool definitions (<c>tools</c>, each <c>{"type":"function","function":{...}}</c>) and legacy <c>functions</c>.</summary>
    private long CountTools(ReadOnlySpan<byte> line, int tools, int functions)
    {
        int count = 0;
        long tokens = CountFunctions(line, tools, wrapped: true, ref count) + CountFunctions(line, functions, wrapped: false, ref count);
        return count > 0 ? tokens + _overhead.PerToolsEnd : tokens;
    }

    private long CountFunctions(ReadOnlySpan<byte> line, int offset, bool wrapped, ref int count)
    {
        if (offset < 0)
        {
            return 0;
        }

        Utf8JsonReader reader = At(line, offset);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return 0;
        }

        long tokens = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            int definition = offset + (int)reader.TokenStartIndex;
            if (wrapped)
            {
                // A tool holds its definition in "function"; a tool of another type has none to count.
                definition = -1;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    bool isFunction = reader.ValueTextEquals("function"u8);
                    reader.Read();
                    definition = isFunction && reader.TokenType == JsonTokenType.StartObject ? offset + (int)reader.TokenStartIndex : definition;
                    reader.Skip();
                }
            }
            else
            {
                reader.Skip();
            }

            if (definition >= 0)
            {
                tokens += CountFunction(line, definition);
                count++;
            }
        }

        return tokens;
    }

    /// <summary>One function definition: <c>name:description</c>, then <c>parameter:type:description</c> per parameter and its enumeration.</summary>
    private long CountFunction(ReadOnlySpan<byte> line, int offset)
    {
        Utf8JsonReader reader = At(line, offset);
        int name = -1;
        int description = -1;
        int parameters = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isName = reader.ValueTextEquals("name"u8);
            bool isDescription = reader.ValueTextEquals("description"u8);
            bool isParameters = reader.ValueTextEquals("parameters"u8);
            reader.Read();
            int start = offset + (int)reader.TokenStartIndex;
            name = isName ? start : name;
            description = isDescription ? start : description;
            parameters = isParameters ? start : parameters;
            reader.Skip();
        }

        _length = 0;
        AppendText(line, name);
        Append(':');
        AppendText(line, description);
        TrimFinalPeriod();
        long tokens = _overhead.PerFunction + CountText();

        int properties = Find(line, parameters, "properties"u8);
        if (properties < 0)
        {
            return tokens;
        }

        Utf8JsonReader property = At(line, properties);
        if (property.TokenType != JsonTokenType.StartObject)
        {
            return tokens;
        }

        bool any = false;
        while (property.Read() && property.TokenType == JsonTokenType.PropertyName)
        {
            any = true;
            _length = 0;
            AppendString(ref property); // the parameter's name
            property.Read();
            tokens += _overhead.PerProperty + CountParameter(line, properties + (int)property.TokenStartIndex);
            property.Skip();
        }

        return any ? tokens + _overhead.PerFunctionProperties : tokens;
    }

    /// <summary>A parameter whose name is already in the text: <c>name:type:description</c> plus its enumeration's items.</summary>
    private long CountParameter(ReadOnlySpan<byte> line, int offset)
    {
        Utf8JsonReader reader = At(line, offset);
        int type = -1;
        int description = -1;
        int enumeration = -1;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isType = reader.ValueTextEquals("type"u8);
                bool isDescription = reader.ValueTextEquals("description"u8);
                bool isEnum = reader.ValueTextEquals("enum"u8);
                reader.Read();
                int start = offset + (int)reader.TokenStartIndex;
                type = isType ? start : type;
                description = isDescription ? start : description;
                enumeration = isEnum ? start : enumeration;
                reader.Skip();
            }
        }

        Append(':');
        AppendText(line, type);
        Append(':');
        AppendText(line, description);
        TrimFinalPeriod();
        long tokens = CountText();

        if (enumeration >= 0)
        {
            Utf8JsonReader items = At(line, enumeration);
            if (items.TokenType == JsonTokenType.StartArray)
            {
                tokens += _overhead.PerEnum;
                while (items.Read() && items.TokenType != JsonTokenType.EndArray)
                {
                    _length = 0;
                    AppendText(line, enumeration + (int)items.TokenStartIndex);
                    tokens += _overhead.PerEnumItem + CountText();
                    items.Skip();
                }
            }
        }

        return tokens;
    }

    /// <summary>Where the value of <paramref name="key"/> starts in the object at <paramref name="offset"/>; -1 when absent (or not an object).</summary>
    private static int Find(ReadOnlySpan<byte> line, int offset, ReadOnlySpan<byte> key)
    {
        if (offset < 0)
        {
            return -1;
        }

        Utf8JsonReader reader = At(line, offset);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return -1;
        }

        int found = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            bool isKey = reader.ValueTextEquals(key);
            reader.Read();
            found = isKey ? offset + (int)reader.TokenStartIndex : found;
            reader.Skip();
        }

        return found;
    }

    /// <summary>The tokens of the string <paramref name="reader"/> is on.</summary>
    private int CountString(ref Utf8JsonReader reader)
    {
        _length = 0;
        AppendString(ref reader);
        return CountText();
    }

    private int CountText() => _length == 0 ? 0 : _counter.CountTokens(new ReadOnlySpan<char>(_text, 0, _length));

    /// <summary>
    /// Appends the value at <paramref name="offset"/> (nothing when -1): a string's text, or, for any other value (a
    /// type such as <c>["string","null"]</c>, a number in an enumeration), its JSON text.
    /// </summary>
    private void AppendText(ReadOnlySpan<byte> line, int offset)
    {
        if (offset < 0)
        {
            return;
        }

        Utf8JsonReader reader = At(line, offset);
        if (reader.TokenType == JsonTokenType.String)
        {
            AppendString(ref reader);
            return;
        }

        reader.Skip();
        AppendUtf8(line.Slice(offset, (int)reader.BytesConsumed));
    }

    /// <summary>Appends the unescaped string (or property name) <paramref name="reader"/> is on.</summary>
    private void AppendString(ref Utf8JsonReader reader)
    {
        // UTF-8 never takes fewer bytes than UTF-16 takes chars, and escapes are longer than what they stand for.
        Reserve(reader.ValueSpan.Length);
        try
        {
            _length += reader.CopyString(new Span<char>(_text, _length, _text.Length - _length));
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no text (tiktoken cannot encode it): count it as written.
            AppendUtf8(reader.ValueSpan);
        }
    }

    private void AppendUtf8(ReadOnlySpan<byte> utf8)
    {
        string text = Encoding.UTF8.GetString(utf8.ToArray());
        Reserve(text.Length);
        text.CopyTo(0, _text, _length, text.Length);
        _length += text.Length;
    }

    private void Append(char c)
    {
        Reserve(1);
        _text[_length++] = c;
    }

    private void TrimFinalPeriod()
    {
        if (_length > 0 && _text[_length - 1] == '.')
        {
            _length--;
        }
    }

    private void Reserve(int more)
    {
        if (_length + more > _text.Length)
        {
            char[] grown = new char[Math.Max(_length + more, _text.Length * 2)];
            Array.Copy(_text, grown, _length);
            _text = grown;
        }
    }

    /// <summary>A reader on the value that starts at <paramref name="offset"/> of a line already known to be well-formed.</summary>
    private static Utf8JsonReader At(ReadOnlySpan<byte> line, int offset)
    {
        var reader = new Utf8JsonReader(line.Slice(offset));
        reader.Read();
        return reader;
    }

    private readonly struct MessageTokenCount
    {
        public MessageTokenCount(long tokens, long assistantTokens)
        {
            Tokens = tokens;
            AssistantTokens = assistantTokens;
        }

        public long Tokens { get; }

        public long AssistantTokens { get; }
    }
}
