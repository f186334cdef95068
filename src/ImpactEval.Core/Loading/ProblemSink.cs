using ImpactEval.Core.Model;
using YamlDotNet.Core;

namespace ImpactEval.Core.Loading;

/// <summary>Collects the problems of one file while it is read, so that every problem is reported at once.</summary>
internal sealed class ProblemSink(string file)
{
    private readonly List<ProtocolProblem> problems = [];

    public string File { get; } = file;

    public IReadOnlyList<ProtocolProblem> Problems => problems;

    public bool HasErrors => problems.Exists(p => p.Severity == Severity.Error);

    public void Error(SourcePosition at, string message, string? hint = null) =>
        problems.Add(new ProtocolProblem(File, at, Severity.Error, message, hint));

    public void Warning(SourcePosition at, string message, string? hint = null) =>
        problems.Add(new ProtocolProblem(File, at, Severity.Warning, message, hint));

    public static SourcePosition At(Mark mark) => new((int)mark.Line, (int)mark.Column);
}
