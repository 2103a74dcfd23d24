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
        (int messages, int tools, int functions) = JsonLine.Find(line, 0, "messages"u8, "tools"u8, "functions"u8);
        MessageTokenCount conversation = CountMessages(line, messages);
        long tokens = conversation.Tokens + _overhead.PerReply + CountTools(line, tools, functions);
        return new ExampleTokenCount(tokens, conversation.AssistantTokens, tokens);
    }

    private ExampleTokenCount CountPreference(ReadOnlySpan<byte> line)
    {
        (int input, int preferred, int nonPreferred) = JsonLine.Find(line, 0, "input"u8, "preferred_output"u8, "non_preferred_output"u8);
        (int messages, int tools, int functions) = JsonLine.Find(line, input, "messages"u8, "tools"u8, "functions"u8);
        long prompt = CountMessages(line, messages).Tokens + _overhead.PerReply + CountTools(line, tools, functions);
        MessageTokenCount better = CountMessages(line, preferred);
        MessageTokenCount worse = CountMessages(line, nonPreferred);

        // Both outputs are training data (billed), but the model reads the input with one output at a time.
        return new ExampleTokenCount(
            prompt + better.Tokens + worse.Tokens,
            better.AssistantTokens + worse.AssistantTokens,
            prompt + Math.Max(better.Tokens, worse.Tokens));
    }

    private ExampleTokenCount CountPromptCompletion(ReadOnlySpan<byte> line)
    {
        (int prompt, int completion, _) = JsonLine.Find(line, 0, "prompt"u8, "completion"u8, ReadOnlySpan<byte>.Empty);
        long question = CountStringAt(line, prompt);
        long answer = CountStringAt(line, completion);
        return new ExampleTokenCount(question + answer, answer, question + answer);
    }

    /// <summary>The messages of the array at <paramref name="offset"/> (none when -1 or not an array), without the reply priming.</summary>
    private MessageTokenCount CountMessages(ReadOnlySpan<byte> line, int offset)
    {
        if (offset < 0)
        {
            return default;
        }

        Utf8JsonReader reader = JsonLine.At(line, offset);
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
                case JsonTokenType.StartArray when isContent || isToolCalls:
                    // Content parts count their text, tool calls their function's name and arguments.
                    long parts = CountEach(ref reader, isContent ? "text"u8 : "function"u8);
                    tokens += parts;
                    answer += parts;
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

    /// <summary>
    /// For each object of the array <paramref name="reader"/> is on, the value of <paramref name="key"/>: a string's
    /// tokens (a content part's <c>text</c>; other parts, such as images, are not text) or a call's (a tool call's
    /// <c>function</c>). Leaves <paramref name="reader"/> on the array's end.
    /// </summary>
    private long CountEach(ref Utf8JsonReader reader, ReadOnlySpan<byte> key)
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
                bool isKey = reader.ValueTextEquals(key);
                reader.Read();
                if (isKey && reader.TokenType == JsonTokenType.String)
                {
                    tokens += CountString(ref reader);
                }
                else if (isKey && reader.TokenType == JsonTokenType.StartObject)
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

        Utf8JsonReader reader = JsonLine.At(line, offset);
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

            // A tool holds its definition in "function"; a tool of another type has none to count.
            int definition = offset + (int)reader.TokenStartIndex;
            definition = wrapped ? JsonLine.Find(line, definition, "function"u8, ReadOnlySpan<byte>.Empty, ReadOnlySpan<byte>.Empty).First : definition;
            reader.Skip();
            if (definition >= 0 && JsonLine.At(line, definition).TokenType == JsonTokenType.StartObject)
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
        (int name, int description, int parameters) = JsonLine.Find(line, offset, "name"u8, "description"u8, "parameters"u8);
        _length = 0;
        AppendText(line, name);
        Append(':');
        AppendText(line, description);
        TrimFinalPeriod();
        long tokens = _overhead.PerFunction + CountText();

        int properties = JsonLine.Find(line, parameters, "properties"u8, ReadOnlySpan<byte>.Empty, ReadOnlySpan<byte>.Empty).First;
        if (properties < 0)
        {
            return tokens;
        }

        Utf8JsonReader property = JsonLine.At(line, properties);
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
        (int type, int description, int enumeration) = JsonLine.Find(line, offset, "type"u8, "description"u8, "enum"u8);
        Append(':');
        AppendText(line, type);
        Append(':');
        AppendText(line, description);
        TrimFinalPeriod();
        long tokens = CountText();

        if (enumeration >= 0)
        {
            Utf8JsonReader items = JsonLine.At(line, enumeration);
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

    /// <summary>The tokens of the string at <paramref name="offset"/>; none when -1 or not a string.</summary>
    private int CountStringAt(ReadOnlySpan<byte> line, int offset)
    {
        if (offset < 0)
        {
            return 0;
        }

        Utf8JsonReader reader = JsonLine.At(line, offset);
        return reader.TokenType == JsonTokenType.String ? CountString(ref reader) : 0;
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

        Utf8JsonReader reader = JsonLine.At(line, offset);
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
