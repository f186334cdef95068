using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class DepartementConfiguration : IEntityTypeConfiguration<Departement>
{
    public void Configure(EntityTypeBuilder<Departement> builder)
    {
        builder.ToTable("departements");
        builder.Property(d => d.Code).HasMaxLength(8);
        builder.Property(d => d.Name).HasMaxLength(100);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}
