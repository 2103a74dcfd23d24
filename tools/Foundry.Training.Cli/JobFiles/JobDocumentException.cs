namespace Foundry.Training.Cli.JobFiles;

/// <summary>A job document that cannot be read (syntax, shape): its problems, each with a JSON path.</summary>
internal sealed class JobDocumentException : Exception
{
    public JobDocumentException(string path, string message)
        : this([new ValidationProblem(path, message)])
    {
    }

    public JobDocumentException(IReadOnlyList<ValidationProblem> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }
}
