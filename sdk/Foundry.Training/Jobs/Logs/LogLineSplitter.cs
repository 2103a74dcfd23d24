using System;
using System.Collections.Generic;
using System.Text;

namespace Foundry.Training.Jobs;

/// <summary>
/// Cuts the bytes of a log file, as they arrive in reads of any size, into lines. A line is decoded only once whole,
/// so a UTF-8 character split between two reads decodes as one. A line longer than
/// <see cref="TrainingLogPosition.MaximumLineBytes"/> is cut there, on a character boundary: the splitter never holds
/// more than that.
/// </summary>
internal sealed class LogLineSplitter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly int _maximumLineBytes;
    private byte[] _pending = new byte[4096];
    private int _count;

    public LogLineSplitter(int maximumLineBytes = TrainingLogPosition.MaximumLineBytes)
    {
        _maximumLineBytes = maximumLineBytes;
    }

    /// <summary>The file offset of the first byte not yet part of a line handed out.</summary>
    public long LineStart { get; private set; }

    /// <summary>Forgets any partial line and starts reading at <paramref name="offset"/>.</summary>
    public void Reset(long offset)
    {
        LineStart = offset;
        _count = 0;
    }

    /// <summary>Takes the next bytes of the file; adds each line they complete (and each cut piece of an over-long one) to <paramref name="lines"/>.</summary>
    public void Push(byte[] buffer, int offset, int count, List<SplitLine> lines)
    {
        int end = offset + count;
        while (offset < end)
        {
            int newline = Array.IndexOf(buffer, (byte)'\n', offset, end - offset);
            int take = (newline < 0 ? end : newline) - offset;
            int room = _maximumLineBytes - _count;
            if (take > room)
            {
                Append(buffer, offset, room);
                offset += room;
                lines.Add(Cut());
                continue;
            }

            Append(buffer, offset, take);
            offset += take;
            if (newline >= 0)
            {
                offset++;
                lines.Add(Take(_count, _count + 1, trimCarriageReturn: true, cut: false));
            }
        }
    }

    /// <summary>The partial last line of a file that will not grow any more, if there is one.</summary>
    public SplitLine? Flush() => _count == 0 ? null : Take(_count, _count, trimCarriageReturn: false, cut: false);

    /// <summary>Cuts a full buffer at its last whole character.</summary>
    private SplitLine Cut()
    {
        int length = _count;
        for (int back = 1; back <= 3 && back <= _count; back++)
        {
            byte b = _pending[_count - back];
            if ((b & 0xC0) == 0xC0)
            {
                // A lead byte: its character needs 2, 3 or 4 bytes; if they are not all here, cut before it.
                int needs = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : 4;
                if (back < needs)
                {
                    length = _count - back;
                }

                break;
            }

            if ((b & 0x80) == 0)
            {
                break;
            }
        }

        return Take(length, length, trimCarriageReturn: false, cut: true);
    }

    /// <summary>Hands out the first <paramref name="textBytes"/> bytes as a line that used <paramref name="consumed"/> bytes of the file.</summary>
    private SplitLine Take(int textBytes, int consumed, bool trimCarriageReturn, bool cut)
    {
        int start = 0;
        int length = textBytes;
        if (LineStart == 0 && length >= 3 && _pending[0] == 0xEF && _pending[1] == 0xBB && _pending[2] == 0xBF)
        {
            start = 3; // The file's byte-order mark is not text.
            length -= 3;
        }

        if (trimCarriageReturn && length > 0 && _pending[start + length - 1] == (byte)'\r')
        {
            length--;
        }

        var line = new SplitLine(s_utf8.GetString(_pending, start, length), LineStart, LineStart + consumed, cut);
        int kept = _count - Math.Min(consumed, _count);
        Buffer.BlockCopy(_pending, _count - kept, _pending, 0, kept);
        _count = kept;
        LineStart += consumed;
        return line;
    }

    private void Append(byte[] buffer, int offset, int count)
    {
        if (_count + count > _pending.Length)
        {
            Array.Resize(ref _pending, Math.Min(_maximumLineBytes, Math.Max(_pending.Length * 2, _count + count)));
        }

        Buffer.BlockCopy(buffer, offset, _pending, _count, count);
        _count += count;
    }
}

/// <summary>One line cut by <see cref="LogLineSplitter"/>: its text, where it starts, where the next one starts, and whether it was cut at the bound.</summary>
internal readonly struct SplitLine
{
    public SplitLine(string text, long offset, long next, bool cut)
    {
        Text = text;
        Offset = offset;
        Next = next;
        Cut = cut;
    }

    public string Text { get; }

    public long Offset { get; }

    public long Next { get; }

    public bool Cut { get; }
}
