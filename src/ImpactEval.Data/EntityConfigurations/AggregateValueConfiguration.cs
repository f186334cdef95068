using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class AggregateValueConfiguration : IEntityTypeConfiguration<AggregateValue>
{
    public void Configure(EntityTypeBuilder<AggregateValue> builder)
    {
        builder.ToTable("aggregate_values");
        builder.Property(v => v.PeriodLabel).HasMaxLength(32);
        builder.HasIndex(v => new { v.IndicatorId, v.TerritoryId, v.PeriodStart, v.PeriodEnd }).IsUnique();
        builder.HasOne<Territory>().WithMany().HasForeignKey(v => v.TerritoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Import>().WithMany().HasForeignKey(v => v.ImportId).OnDelete(DeleteBehavior.SetNull);
    }
}
