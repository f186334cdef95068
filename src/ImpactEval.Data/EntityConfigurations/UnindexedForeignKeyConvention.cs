using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;

namespace ImpactEval.Data.EntityConfigurations;

/// <summary>
/// EF's convention that indexes every foreign key, except the columns a configuration marks with
/// <see cref="Mark"/>: their foreign key (and its integrity check) stays, only the index is not created.
/// </summary>
/// <remarks>
/// Used for the large, bulk-written observations table, where each index costs one B-tree insertion per value.
/// </remarks>
internal sealed class UnindexedForeignKeyConvention(ProviderConventionSetBuilderDependencies dependencies)
    : ForeignKeyIndexConvention(dependencies)
{
    private const string Annotation = "ImpactEval:UnindexedForeignKey";

    /// <summary>Marks a foreign-key column as not to be indexed.</summary>
    public static void Mark<T>(PropertyBuilder<T> property) => property.HasAnnotation(Annotation, true);

    protected override IConventionIndex? CreateIndex(IReadOnlyList<IConventionProperty> properties, bool unique, IConventionEntityTypeBuilder entityTypeBuilder) =>
        IsMarked(properties) ? null : base.CreateIndex(properties, unique, entityTypeBuilder);

    private static bool IsMarked(IReadOnlyList<IConventionProperty> properties) =>
        properties.Count == 1 && properties[0].FindAnnotation(Annotation) is not null;
}
