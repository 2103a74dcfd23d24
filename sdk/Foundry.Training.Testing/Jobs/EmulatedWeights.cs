using System;
using System.Buffers.Binary;

namespace Foundry.Training.Testing;

/// <summary>
/// A deterministic stand-in for a safetensors file: an 8-byte header length, a JSON header, then pseudo-random tensor
/// bytes produced at any position on demand (a counter-based generator), so a file of gigabytes costs no memory and
/// any range of it can be served.
/// </summary>
internal sealed class EmulatedWeights : ResponseBody
{
    private readonly byte[] _prefix;
    private readonly ulong _seed;
    private readonly long _tensorBytes;

    public EmulatedWeights(byte[] header, ulong seed, long tensorBytes)
    {
        _prefix = new byte[8 + header.Length];
        BinaryPrimitives.WriteInt64LittleEndian(_prefix, header.Length);
        header.CopyTo(_prefix, 8);
        _seed = seed;
        _tensorBytes = tensorBytes;
    }

    public override long Length => _prefix.Length + _tensorBytes;

    public override void Read(long position, Span<byte> destination)
    {
        while (destination.Length > 0 && position < _prefix.Length)
        {
            int count = (int)Math.Min(destination.Length, _prefix.Length - position);
            _prefix.AsSpan((int)position, count).CopyTo(destination);
            destination = destination.Slice(count);
            position += count;
        }

        // Tensor bytes come in 8-byte words; word w is a hash of (seed, w).
        long offset = position - _prefix.Length;
        Span<byte> word = stackalloc byte[8];
        while (destination.Length > 0)
        {
            long index = offset >> 3;
            int within = (int)(offset & 7);
            if (within == 0 && destination.Length >= 8)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(destination, Mix(_seed + (ulong)index));
                destination = destination.Slice(8);
                offset += 8;
                continue;
            }

            BinaryPrimitives.WriteUInt64LittleEndian(word, Mix(_seed + (ulong)index));
            int count = Math.Min(8 - within, destination.Length);
            word.Slice(within, count).CopyTo(destination);
            destination = destination.Slice(count);
            offset += count;
        }
    }

    /// <summary>SplitMix64's finalizer: consecutive inputs give unrelated outputs.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
