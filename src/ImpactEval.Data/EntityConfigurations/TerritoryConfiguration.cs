using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class TerritoryConfiguration : IEntityTypeConfiguration<Territory>
{
    public void Configure(EntityTypeBuilder<Territory> builder)
    {
        builder.ToTable("territories");
        builder.Property(t => t.Code).HasMaxLength(64);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.Property(t => t.Communes).HasMaxLength(2000);
        builder.Property(t => t.Qpv).HasMaxLength(2000);
        builder.Property(t => t.Rep).HasMaxLength(2000);
        builder.Property(t => t.RepPlus).HasMaxLength(2000);
        builder.Property(t => t.CollegeChefDeFile).HasMaxLength(200);
        builder.Property(t => t.Contacts).HasMaxLength(2000);
        builder.HasOne<Departement>().WithMany().HasForeignKey(t => t.DepartementId).OnDelete(DeleteBehavior.Restrict);
    }
}
