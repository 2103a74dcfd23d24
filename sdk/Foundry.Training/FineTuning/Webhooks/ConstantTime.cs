using System;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Security.Cryptography;
#endif

namespace Foundry.Training.FineTuning;

/// <summary>Compares secrets in time that depends on their length only, so a forger cannot learn a signature byte by byte.</summary>
internal static class ConstantTime
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
    public static bool AreEqual(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
#if NET8_0_OR_GREATER
        return CryptographicOperations.FixedTimeEquals(left, right);
#else
        // netstandard2.0 has no CryptographicOperations: the same loop, with no early exit.
        if (left.Length != right.Length)
        {
            return false;
        }

        int difference = 0;
        for (int i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
#endif
    }
}
