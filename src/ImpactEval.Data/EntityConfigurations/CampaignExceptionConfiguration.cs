using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class CampaignExceptionConfiguration : IEntityTypeConfiguration<CampaignException>
{
    public void Configure(EntityTypeBuilder<CampaignException> builder)
    {
        builder.ToTable("campaign_exceptions");
        builder.HasOne<Territory>().WithMany().HasForeignKey(e => e.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
