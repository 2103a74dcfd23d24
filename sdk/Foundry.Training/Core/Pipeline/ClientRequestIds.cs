using System;

namespace Foundry.Training;

/// <summary>
/// The <c>x-ms-client-request-id</c> of every request: a random (version 4) GUID, as Azure.Core makes one. Azure.Core
/// uses <see cref="Guid.NewGuid"/>, which on Linux asks the kernel for cryptographic randomness on every call (a system
/// call, about half a microsecond); a request id only has to be unique, so on .NET it comes from the per-thread
/// <c>Random.Shared</c> generator (seeded from the operating system's randomness) instead.
/// </summary>
internal static class ClientRequestIds
{
    public static string Next()
    {
#if NET8_0_OR_GREATER
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 (the high nibble of the third group)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC 4122 variant
        return new Guid(bytes).ToString();
#else
        return Guid.NewGuid().ToString();
#endif
    }
}
