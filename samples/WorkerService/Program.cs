using Foundry.Training.Samples;

// Configuration: appsettings.json, then environment variables, then command-line arguments (--FOUNDRY_PROJECT_ENDPOINT=...).
return await WorkerServiceSample.RunAsync(Host.CreateApplicationBuilder(args));
