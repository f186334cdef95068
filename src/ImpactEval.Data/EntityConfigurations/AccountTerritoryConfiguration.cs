using ImpactEval.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ImpactEval.Data.EntityConfigurations;

internal sealed class AccountTerritoryConfiguration : IEntityTypeConfiguration<AccountTerritory>
{
    public void Configure(EntityTypeBuilder<AccountTerritory> builder)
    {
        builder.ToTable("account_territories");
        builder.HasKey(t => new { t.AccountId, t.TerritoryId });
        builder.HasOne<Territory>().WithMany().HasForeignKey(t => t.TerritoryId).OnDelete(DeleteBehavior.Restrict);
    }
}
