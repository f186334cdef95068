using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class CampaignTerritoryConfiguration : IEntityTypeConfiguration<CampaignTerritory>
{
    public void Configure(EntityTypeBuilder<CampaignTerritory> builder)
    {
        builder.ToTable("campaign_territories");
        builder.HasKey(t => new { t.CampaignId, t.TerritoryId });
        builder.HasOne<Territory>().WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
