using System;
using System.Collections.Generic;

namespace Foundry.Training.Testing;

/// <summary>
/// The emulator's blob containers (for dataset uploads): committed blobs and staged blocks, in memory, behind one lock.
/// </summary>
internal sealed class BlobStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Dictionary<string, CommittedBlob>> _containers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, byte[]>> _staged = new(StringComparer.Ordinal);

    public void CreateContainer(string container)
    {
        lock (_gate)
        {
            _ = Container(container);
        }
    }

    public bool ContainerExists(string container)
    {
        lock (_gate)
        {
            return _containers.ContainsKey(container);
        }
    }

    public CommittedBlob Put(string container, string blob, byte[] content, DateTimeOffset now)
    {
        lock (_gate)
        {
            var stored = new CommittedBlob(content, now);
            Container(container)[blob] = stored;
            return stored;
        }
    }

    public void StageBlock(string container, string blob, string blockId, byte[] content)
    {
        lock (_gate)
        {
            string key = container + "/" + blob;
            if (!_staged.TryGetValue(key, out Dictionary<string, byte[]>? blocks))
            {
                _staged[key] = blocks = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            }

            blocks[blockId] = content;
        }
    }

    /// <summary>Commits the staged blocks in the given order; null when a block was never staged.</summary>
    public CommittedBlob? Commit(string container, string blob, IReadOnlyList<string> blockIds, DateTimeOffset now)
    {
        lock (_gate)
        {
            string key = container + "/" + blob;
            _staged.TryGetValue(key, out Dictionary<string, byte[]>? blocks);
            long length = 0;
            foreach (string id in blockIds)
            {
                if (blocks is null || !blocks.TryGetValue(id, out byte[]? block))
                {
                    return null;
                }

                length += block.Length;
            }

            byte[] content = new byte[length];
            int offset = 0;
            foreach (string id in blockIds)
            {
                byte[] block = blocks![id];
                Buffer.BlockCopy(block, 0, content, offset, block.Length);
                offset += block.Length;
            }

            _staged.Remove(key);
            var stored = new CommittedBlob(content, now);
            Container(container)[blob] = stored;
            return stored;
        }
    }

    public CommittedBlob? Get(string container, string blob)
    {
        lock (_gate)
        {
            return _containers.TryGetValue(container, out Dictionary<string, CommittedBlob>? blobs) && blobs.TryGetValue(blob, out CommittedBlob? stored) ? stored : null;
        }
    }

    /// <summary>The blobs of a container whose names start with <paramref name="prefix"/>, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, CommittedBlob>> List(string container, string prefix)
    {
        lock (_gate)
        {
            var found = new List<KeyValuePair<string, CommittedBlob>>();
            if (_containers.TryGetValue(container, out Dictionary<string, CommittedBlob>? blobs))
            {
                foreach (KeyValuePair<string, CommittedBlob> pair in blobs)
                {
                    if (pair.Key.StartsWith(prefix, StringComparison.Ordinal))
                    {
                        found.Add(pair);
                    }
                }
            }

            found.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return found;
        }
    }

    private Dictionary<string, CommittedBlob> Container(string container)
    {
        if (!_containers.TryGetValue(container, out Dictionary<string, CommittedBlob>? blobs))
        {
            _containers[container] = blobs = new Dictionary<string, CommittedBlob>(StringComparer.Ordinal);
        }

        return blobs;
    }
}

/// <summary>A committed blob, with the view every read serves (built once, so its MD5 is worked out once).</summary>
internal sealed class CommittedBlob
{
    public CommittedBlob(byte[] content, DateTimeOffset lastModified)
    {
        Content = content;
        ETag = "\"0x" + Guid.NewGuid().ToString("N").Substring(0, 16).ToUpperInvariant() + "\"";
        Read = new StoredBlob(ResponseBody.FromBytes(content), "application/octet-stream", ETag, lastModified);
    }

    public byte[] Content { get; }

    public string ETag { get; }

    /// <summary>The blob as <see cref="BlobReads"/> serves it.</summary>
    public StoredBlob Read { get; }
}
