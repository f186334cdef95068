using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class UserTerritoryConfiguration : IEntityTypeConfiguration<UserTerritory>
{
    public void Configure(EntityTypeBuilder<UserTerritory> builder)
    {
        builder.ToTable("user_territories");
        builder.HasKey(t => new { t.UserId, t.TerritoryId });
        builder.HasOne<Territory>().WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
