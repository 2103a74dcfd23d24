using System;
using Azure;

namespace Foundry.Training;

/// <summary>A file changed on the server (its <c>ETag</c>) between two reads of it: the transfer starts that file again.</summary>
internal sealed class FileChangedException : Exception
{
    public FileChangedException(string name, RequestFailedException? inner = null)
        : base($"'{name}' changed on the server while it was being downloaded.", inner)
    {
    }
}
