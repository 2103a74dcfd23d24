using System.Text;

namespace Foundry.Training.Cli.Targets;

/// <summary>A small chat training file (JSONL) for the emulator's seeded fine-tuning jobs.</summary>
internal static class DemoTrainingFile
{
    private const string Content = """
        {"messages":[{"role":"system","content":"You are a friendly support agent."},{"role":"user","content":"My order hasn't arrived yet."},{"role":"assistant","content":"Sorry for the wait! Share your order number and I'll check where it is right away."}]}
        {"messages":[{"role":"system","content":"You are a friendly support agent."},{"role":"user","content":"How do I reset my password?"},{"role":"assistant","content":"Choose 'Forgot password' on the sign-in page and follow the emailed link; it's valid for an hour."}]}
        {"messages":[{"role":"system","content":"You are a friendly support agent."},{"role":"user","content":"Do you ship to Canada?"},{"role":"assistant","content":"We do! Delivery to Canada usually takes 5 to 7 business days."}]}

        """;

    public static byte[] Utf8() => Encoding.UTF8.GetBytes(Content.ReplaceLineEndings("\n"));
}
