namespace Foundry.Training.FineTuning;

/// <summary>
/// The tokens a chat example's structure adds to the tokens of its text, as OpenAI's guidance counts them (the OpenAI
/// Cookbook's "How to count tokens with tiktoken"): each message adds <see cref="PerMessage"/> tokens around its
/// values, a <c>name</c> adds <see cref="PerName"/>, and the reply is primed with <see cref="PerReply"/>. Tool (function)
/// definitions add <see cref="PerFunction"/> each, <see cref="PerFunctionProperties"/> for a function with parameters,
/// <see cref="PerProperty"/> per parameter, <see cref="PerEnum"/> and <see cref="PerEnumItem"/> for enumerations, and
/// <see cref="PerToolsEnd"/> once after the definitions.
/// </summary>
/// <remarks>
/// The defaults are those of the gpt-4o family (o200k_base); gpt-3.5-turbo and gpt-4 (cl100k_base) add 10 tokens per
/// function instead of 7. OpenAI calls these counts estimates that can change from model to model.
/// </remarks>
public sealed class ChatTokenOverhead
{
    /// <summary>Creates an overhead; every parameter defaults to the gpt-4o family's value.</summary>
    /// <param name="perMessage">Tokens each message adds (3).</param>
    /// <param name="perName">Tokens a message's <c>name</c> adds besides its text (1).</param>
    /// <param name="perReply">Tokens that prime the reply, once per example (3).</param>
    /// <param name="perFunction">Tokens each tool or function definition adds (7; 10 for gpt-3.5-turbo and gpt-4).</param>
    /// <param name="perFunctionProperties">Tokens a function with parameters adds (3).</param>
    /// <param name="perProperty">Tokens each parameter adds (3).</param>
    /// <param name="perEnum">Tokens a parameter with an enumeration adds (-3).</param>
    /// <param name="perEnumItem">Tokens each enumeration item adds besides its text (3).</param>
    /// <param name="perToolsEnd">Tokens added once after the tool definitions (12).</param>
    public ChatTokenOverhead(
        int perMessage = 3,
        int perName = 1,
        int perReply = 3,
        int perFunction = 7,
        int perFunctionProperties = 3,
        int perProperty = 3,
        int perEnum = -3,
        int perEnumItem = 3,
        int perToolsEnd = 12)
    {
        PerMessage = perMessage;
        PerName = perName;
        PerReply = perReply;
        PerFunction = perFunction;
        PerFunctionProperties = perFunctionProperties;
        PerProperty = perProperty;
        PerEnum = perEnum;
        PerEnumItem = perEnumItem;
        PerToolsEnd = perToolsEnd;
    }

    /// <summary>The gpt-4o family's overhead (o200k_base models).</summary>
    public static ChatTokenOverhead Default { get; } = new();

    /// <summary>Tokens each message adds around its values.</summary>
    public int PerMessage { get; }

    /// <summary>Tokens a message's <c>name</c> adds besides its text.</summary>
    public int PerName { get; }

    /// <summary>Tokens that prime the reply (<c>&lt;|start|&gt;assistant&lt;|message|&gt;</c>), once per example.</summary>
    public int PerReply { get; }

    /// <summary>Tokens each tool or function definition adds.</summary>
    public int PerFunction { get; }

    /// <summary>Tokens a function with at least one parameter adds.</summary>
    public int PerFunctionProperties { get; }

    /// <summary>Tokens each parameter of a function adds.</summary>
    public int PerProperty { get; }

    /// <summary>Tokens a parameter with an enumeration adds (negative: the enumeration replaces part of the parameter's line).</summary>
    public int PerEnum { get; }

    /// <summary>Tokens each enumeration item adds besides its text.</summary>
    public int PerEnumItem { get; }

    /// <summary>Tokens added once after the tool definitions of an example that has any.</summary>
    public int PerToolsEnd { get; }
}
