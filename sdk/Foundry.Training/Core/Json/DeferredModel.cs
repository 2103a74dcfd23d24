using System.Text.Json;
using System.Threading;

namespace Foundry.Training;

/// <summary>
/// How a model exposes a <see cref="DeferredModel{T}"/> property: keep the holder in a field, serialize it through an
/// internal <c>[JsonInclude]</c> property with <see cref="DeferredModelConverter{T}"/>, and read and set the public
/// property with <see cref="Get"/> and <see cref="Of"/>.
/// </summary>
/// <remarks>
/// JSON that cannot be read as the property's type is treated as any unreadable value (see
/// <see cref="LenientPropertyConverter{T}"/>): the property reads null and the JSON moves to the owner's
/// <see cref="ExtensibleModel.AdditionalProperties"/> under the property's wire name, where it is written back as it
/// came unless the property is given a value. Reading the model never fails for it, and nothing is lost.
/// </remarks>
internal static class DeferredModel
{
    /// <summary>Holds a value set in code (null for none).</summary>
    public static DeferredModel<T>? Of<T>(T? value)
        where T : class =>
        value is null ? null : new DeferredModel<T>(value);

    /// <summary>The property's value, parsed on first call.</summary>
    /// <param name="field">The owner's field holding the property.</param>
    /// <param name="owner">The model the property belongs to.</param>
    /// <param name="name">The property's wire name.</param>
    public static T? Get<T>(ref DeferredModel<T>? field, ExtensibleModel owner, string name)
        where T : class
    {
        DeferredModel<T>? deferred = Volatile.Read(ref field);
        if (deferred is null)
        {
            return null;
        }

        if (deferred.TryGetValue(out T? value, out JsonElement unreadable))
        {
            return value;
        }

        // The first reader to fail moves the JSON; a later one finds the field empty.
        lock (deferred)
        {
            if (ReferenceEquals(Volatile.Read(ref field), deferred))
            {
                owner.AdditionalProperties[name] = unreadable;
                Volatile.Write(ref field, null);
            }
        }

        return null;
    }
}
