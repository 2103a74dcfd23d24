using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using Foundry.Training.Testing;

// Starts the emulator on 127.0.0.1 (a free port), prints "endpoint=<url>" on one line, and runs until it is stopped
// (SIGTERM, Ctrl+C), until the process given with --parent is gone (so a killed script leaves nothing behind), or
// after --lifetime-seconds (default 900), whichever comes first.
//   dotnet Foundry.Training.EmulatorHost.dll [--step-ms 60] [--training-steps 6] [--parent <pid>] [--lifetime-seconds 900]
var options = new FoundryTrainingEmulatorOptions { StepInterval = TimeSpan.FromMilliseconds(60), TrainingSteps = 6 };
int? parent = null;
TimeSpan lifetime = TimeSpan.FromSeconds(900);
for (int i = 0; i + 1 < args.Length; i += 2)
{
    int value = int.Parse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture);
    switch (args[i])
    {
        case "--step-ms":
            options.StepInterval = TimeSpan.FromMilliseconds(value);
            break;
        case "--training-steps":
            options.TrainingSteps = value;
            break;
        case "--parent":
            parent = value;
            break;
        case "--lifetime-seconds":
            lifetime = TimeSpan.FromSeconds(value);
            break;
        default:
            Console.Error.WriteLine("unknown option " + args[i]);
            return 2;
    }
}

using var emulator = FoundryTrainingEmulator.Start(options);
using var stop = new CancellationTokenSource(lifetime);
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
Console.WriteLine("endpoint=" + emulator.Endpoint.AbsoluteUri);
Console.Out.Flush();

while (!stop.IsCancellationRequested)
{
    if (parent is int pid && !IsRunning(pid))
    {
        break;
    }

    stop.Token.WaitHandle.WaitOne(TimeSpan.FromSeconds(1));
}

return 0;

static bool IsRunning(int pid)
{
    try
    {
        using Process process = Process.GetProcessById(pid);
        return !process.HasExited;
    }
    catch (ArgumentException)
    {
        return false;
    }
}
