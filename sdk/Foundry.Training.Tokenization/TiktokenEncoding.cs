namespace Foundry.Training.Tokenization;

/// <summary>The OpenAI encodings <see cref="TiktokenTokenCounter"/> counts with; their vocabularies ship with this package.</summary>
public enum TiktokenEncoding
{
    /// <summary><c>o200k_base</c>: gpt-4o, gpt-4o-mini, gpt-4.1 (mini, nano), gpt-4.5, gpt-5 and the o-series.</summary>
    O200kBase,

    /// <summary><c>cl100k_base</c>: gpt-4 and gpt-3.5-turbo.</summary>
    Cl100kBase,
}
