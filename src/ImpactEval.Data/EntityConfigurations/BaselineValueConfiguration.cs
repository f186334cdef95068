using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class BaselineValueConfiguration : IEntityTypeConfiguration<BaselineValue>
{
    public void Configure(EntityTypeBuilder<BaselineValue> builder)
    {
        builder.ToTable("baseline_values");
        builder.HasIndex(b => new { b.EnrolmentId, b.CovariateCode }).IsUnique();
    }
}
