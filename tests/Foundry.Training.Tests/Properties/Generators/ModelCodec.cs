using System.Collections.Concurrent;
using System.Reflection;

namespace Foundry.Training.Tests.Properties.Generators;

/// <summary><see cref="FoundryTrainingSerializer"/>'s generic methods for a model type known only at run time.</summary>
internal sealed class ModelCodec
{
    private static readonly ConcurrentDictionary<Type, ModelCodec> s_codecs = new();

    private ModelCodec(Type type, Func<string, object?> read, Func<byte[], object?> readBytes, Func<object?, string> write)
    {
        Type = type;
        Read = read;
        ReadBytes = readBytes;
        Write = write;
    }

    public Type Type { get; }

    /// <summary><see cref="FoundryTrainingSerializer.Deserialize{T}(string)"/>.</summary>
    public Func<string, object?> Read { get; }

    /// <summary><see cref="FoundryTrainingSerializer.Deserialize{T}(BinaryData)"/>: bytes may be invalid UTF-8.</summary>
    public Func<byte[], object?> ReadBytes { get; }

    /// <summary><see cref="FoundryTrainingSerializer.Serialize{T}(T)"/>.</summary>
    public Func<object?, string> Write { get; }

    public static ModelCodec For(Type type) => s_codecs.GetOrAdd(type, t =>
        (ModelCodec)typeof(ModelCodec).GetMethod(nameof(Create), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t).Invoke(null, null)!);

    private static ModelCodec Create<T>() => new(
        typeof(T),
        json => FoundryTrainingSerializer.Deserialize<T>(json),
        bytes => FoundryTrainingSerializer.Deserialize<T>(BinaryData.FromBytes(bytes)),
        model => FoundryTrainingSerializer.Serialize((T)model!));
}
