using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Foundry.Training;

/// <summary>
/// Moves the raw JSON of an optional value the SDK could not read (a timestamp, duration or date that is not in its
/// format; see <see cref="OptionalScalarConverter{T}"/>) into <see cref="ExtensibleModel.AdditionalProperties"/> of
/// the model it belongs to, under the property's wire name, where it is written back unchanged.
/// </summary>
/// <remarks>
/// A converter does not see the object it reads for, so the value waits on the reading thread, under the owning type,
/// until System.Text.Json has finished that object (<see cref="JsonTypeInfo.OnDeserialized"/>). That is the object
/// the value belongs to: reading an object is synchronous (the SDK reads buffered bodies, never a stream), and no
/// model with such a property contains a model of its own type (a test checks), so no other object of that type can
/// start or finish in between. Values a failed read left behind are dropped when the next object of the type starts.
/// Nothing is allocated unless a value is unreadable.
/// </remarks>
internal static class UnreadableValues
{
    [ThreadStatic]
    private static List<Pending>? t_pending;

    /// <summary>
    /// Gives the optional scalar properties of <paramref name="info"/> their lenient converters, and the type the
    /// callbacks that hand their unreadable values to the object. Does nothing for a type without such properties.
    /// </summary>
    /// <exception cref="InvalidOperationException">Such a property is a constructor parameter (there would be no object to hand the value to yet).</exception>
    public static void Attach(JsonTypeInfo info)
    {
        bool any = false;
        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (property.CustomConverter is not IOptionalScalarConverter scalar)
            {
                continue;
            }

            if (property.AssociatedParameter is not null)
            {
                throw new InvalidOperationException($"{info.Type.Name}.{property.Name} is an optional scalar bound to a constructor parameter; give the model a parameterless constructor.");
            }

            property.CustomConverter = scalar.ForProperty(info.Type, property);
            any = true;
        }

        if (!any)
        {
            return;
        }

        Type owner = info.Type;
        Action<object>? deserializing = info.OnDeserializing;
        Action<object>? deserialized = info.OnDeserialized;
        info.OnDeserializing = model =>
        {
            Drop(owner);
            deserializing?.Invoke(model);
        };
        info.OnDeserialized = model =>
        {
            HandOver(owner, model);
            deserialized?.Invoke(model);
        };
    }

    /// <summary>Sets aside the raw JSON of an unreadable value of property <paramref name="name"/> of the <paramref name="owner"/> being read.</summary>
    public static void SetAside(Type owner, string name, JsonElement raw, Func<object, object?>? get) =>
        (t_pending ??= new List<Pending>()).Add(new Pending(owner, name, raw, get));

    private static void Drop(Type owner)
    {
        List<Pending>? pending = t_pending;
        if (pending is null || pending.Count == 0)
        {
            return;
        }

        for (int i = pending.Count - 1; i >= 0; i--)
        {
            if (pending[i].Owner == owner)
            {
                pending.RemoveAt(i);
            }
        }
    }

    private static void HandOver(Type owner, object model)
    {
        List<Pending>? pending = t_pending;
        if (pending is null || pending.Count == 0)
        {
            return;
        }

        for (int i = 0; i < pending.Count;)
        {
            Pending value = pending[i];
            if (value.Owner != owner)
            {
                i++;
                continue;
            }

            pending.RemoveAt(i);

            // The same property twice in one object ({"t":"bad","t":5}): the value that was read wins, as the last
            // one would in System.Text.Json, and nothing is written twice.
            if (model is ExtensibleModel extensible && value.Get?.Invoke(model) is null)
            {
                extensible.AdditionalProperties[value.Name] = value.Raw;
            }
        }
    }

    private readonly struct Pending
    {
        public Pending(Type owner, string name, JsonElement raw, Func<object, object?>? get)
        {
            Owner = owner;
            Name = name;
            Raw = raw;
            Get = get;
        }

        public Type Owner { get; }

        public string Name { get; }

        public JsonElement Raw { get; }

        public Func<object, object?>? Get { get; }
    }
}
