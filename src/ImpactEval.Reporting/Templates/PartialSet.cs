using Fluid;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace ImpactEval.Reporting.Templates;

/// <summary>
/// The partials one template can include, all compiled with it: Fluid's <c>include</c> finds them here by name (as
/// a file provider) and takes their compiled form (as a template cache), so a partial is never read or parsed while
/// a report renders.
/// </summary>
// ITemplateCache is marked "for evaluation" (FLUID001) in Fluid 2.x; it is the only way to hand include its partials
// already compiled. Fluid 3 changes the options API anyway: revisit this class when moving to it.
#pragma warning disable FLUID001
internal sealed class PartialSet(IReadOnlyDictionary<string, IFluidTemplate> partials) : IFileProvider, ITemplateCache
{
    /// <inheritdoc />
    public IFileInfo GetFileInfo(string subpath) => partials.ContainsKey(subpath) ? new Compiled(subpath) : new NotFoundFileInfo(subpath);

    /// <inheritdoc />
    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    /// <inheritdoc />
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    /// <inheritdoc />
    public bool TryGetTemplate(string subpath, DateTimeOffset lastModified, out IFluidTemplate template) =>
        partials.TryGetValue(subpath, out template!);

    /// <summary>Nothing to store: every partial is compiled ahead.</summary>
    public void SetTemplate(string subpath, DateTimeOffset lastModified, IFluidTemplate template)
    {
    }

    private sealed class Compiled(string name) : IFileInfo
    {
        public bool Exists => true;

        public long Length => -1;

        public string? PhysicalPath => null;

        public string Name => name;

        public DateTimeOffset LastModified => DateTimeOffset.MinValue;

        public bool IsDirectory => false;

        public Stream CreateReadStream() => throw new InvalidOperationException("Partials are compiled ahead, never read while rendering.");
    }
}
#pragma warning restore FLUID001
