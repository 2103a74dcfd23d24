using System.Text;

namespace Foundry.Training.Tests.Emulator;

/// <summary>Small fine-tuning files.</summary>
internal static class TrainingData
{
    /// <summary>A chat-format JSONL file with <paramref name="examples"/> examples.</summary>
    public static byte[] ChatJsonl(int examples = 12)
    {
        var text = new StringBuilder();
        for (int i = 0; i < examples; i++)
        {
            text.Append("{\"messages\":[{\"role\":\"system\",\"content\":\"You are terse.\"},{\"role\":\"user\",\"content\":\"What is ")
                .Append(i).Append(" + 1?\"},{\"role\":\"assistant\",\"content\":\"").Append(i + 1).Append("\"}]}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>A file whose second line is not JSON.</summary>
    public static byte[] Broken => Encoding.UTF8.GetBytes("{\"messages\":[]}\nthis is not json\n");
}
