using System;
using System.IO;
using System.Security.Cryptography;

namespace Foundry.Training.Testing;

/// <summary>
/// A response body whose length is known without producing it: bytes are produced on demand, at any position, so a
/// multi-gigabyte artifact costs no memory and a range of it costs only what is sent.
/// </summary>
internal abstract class ResponseBody
{
    private byte[]? _md5;

    /// <summary>The number of bytes in the body.</summary>
    public abstract long Length { get; }

    /// <summary>The MD5 of the whole body, worked out once on first use (bodies never change).</summary>
    public byte[] Md5
    {
        get
        {
            if (_md5 is null)
            {
                using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
                byte[] buffer = new byte[81920];
                for (long position = 0; position < Length; position += buffer.Length)
                {
                    int count = (int)Math.Min(buffer.Length, Length - position);
                    Read(position, buffer.AsSpan(0, count));
                    md5.AppendData(buffer, 0, count);
                }

                _md5 = md5.GetHashAndReset();
            }

            return _md5;
        }
    }

    public static ResponseBody FromBytes(byte[] bytes) => new BytesBody(bytes);

    /// <summary>Fills <paramref name="destination"/> with the bytes from <paramref name="position"/> on (within the body).</summary>
    public abstract void Read(long position, Span<byte> destination);

    /// <summary>The part of the body from <paramref name="offset"/>, <paramref name="length"/> bytes long.</summary>
    public ResponseBody Slice(long offset, long length) =>
        offset == 0 && length == Length ? this : new SlicedBody(this, offset, length);

    /// <summary>The whole body in one array, for the hosts that need one (small bodies).</summary>
    public virtual byte[] ToArray()
    {
        byte[] bytes = new byte[checked((int)Length)];
        Read(0, bytes);
        return bytes;
    }

    private sealed class BytesBody : ResponseBody
    {
        private readonly byte[] _bytes;

        public BytesBody(byte[] bytes)
        {
            _bytes = bytes;
        }

        public override long Length => _bytes.LongLength;

        public override void Read(long position, Span<byte> destination) =>
            _bytes.AsSpan(checked((int)position), destination.Length).CopyTo(destination);

        public override byte[] ToArray() => _bytes;
    }

    private sealed class SlicedBody : ResponseBody
    {
        private readonly ResponseBody _whole;
        private readonly long _offset;
        private readonly long _length;

        public SlicedBody(ResponseBody whole, long offset, long length)
        {
            if (offset < 0 || length < 0 || offset + length > whole.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset), "The slice must lie within the body.");
            }

            _whole = whole;
            _offset = offset;
            _length = length;
        }

        public override long Length => _length;

        public override void Read(long position, Span<byte> destination) => _whole.Read(_offset + position, destination);
    }
}
