using System.Text;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// Collects a rendered document and stops the rendering when it grows past the output budget or past its time
/// (checked at every write, as a loop that prints is also a loop that runs).
/// </summary>
internal sealed class BudgetedWriter(RenderContext context) : TextWriter
{
    private readonly StringBuilder builder = new(64 * 1024);

    /// <inheritdoc />
    public override Encoding Encoding => Encoding.UTF8;

    /// <inheritdoc />
    public override void Write(char value)
    {
        Reserve(1);
        builder.Append(value);
    }

    /// <inheritdoc />
    public override void Write(char[] buffer, int index, int count)
    {
        Reserve(count);
        builder.Append(buffer, index, count);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<char> buffer)
    {
        Reserve(buffer.Length);
        builder.Append(buffer);
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        if (value is null) return;
        Reserve(value.Length);
        builder.Append(value);
    }

    /// <inheritdoc />
    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(char[] buffer, int index, int count)
    {
        Write(buffer, index, count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return Task.CompletedTask;
    }

    /// <summary>The document rendered.</summary>
    public override string ToString() => builder.ToString();

    private void Reserve(int count)
    {
        if (builder.Length + count > context.Budget.MaxOutputCharacters)
            throw new RenderBudgetException($"rendu interrompu : le document dépasserait {context.Budget.MaxOutputCharacters / (1024 * 1024)} Mi caractères (la taille d’un rapport est limitée) : une boucle autour de cette balise répète sans doute trop de contenu.");
        context.CheckClock();
    }
}
