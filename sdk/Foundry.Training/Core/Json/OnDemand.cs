using System.Collections;
using System.Collections.Generic;

namespace Foundry.Training;

/// <summary>
/// Optional collections of models are created on first read so callers can fill them directly. A collection created
/// that way is not written while it is empty, so merely reading a model never adds <c>{}</c> or <c>[]</c> to its JSON;
/// a collection that came from JSON is written back as it was, even when empty.
/// </summary>
/// <remarks>
/// A model keeps the collection in a field, exposes it through a get-only <c>[JsonIgnore]</c> property that calls
/// <see cref="List{T}(ref IList{T}?)"/> or <see cref="Dictionary{T}(ref IDictionary{string, T}?)"/>, and serializes it
/// through an internal <c>[JsonInclude]</c> property whose getter calls <see cref="ForWriting"/>.
/// </remarks>
internal static class OnDemand
{
    public static IList<T> List<T>(ref IList<T>? field) => field ??= new OnDemandList<T>();

    public static IDictionary<string, T> Dictionary<T>(ref IDictionary<string, T>? field) => field ??= new OnDemandDictionary<T>();

    /// <summary>The collection to serialize: <see langword="null"/> (omitted) for an empty collection nobody sent or filled.</summary>
    public static TCollection? ForWriting<TCollection>(TCollection? collection)
        where TCollection : class =>
        collection is IOnDemand && collection is ICollection { Count: 0 } ? null : collection;

    private interface IOnDemand
    {
    }

    private sealed class OnDemandList<T> : List<T>, IOnDemand
    {
    }

    private sealed class OnDemandDictionary<T> : Dictionary<string, T>, IOnDemand
    {
    }
}
