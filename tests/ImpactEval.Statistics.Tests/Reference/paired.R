# Reference values for the changes of one group observed twice (src/ImpactEval.Statistics/Contrasts/PairedChanges.cs):
# the mean change with its paired t interval (t.test(after, before, paired = TRUE)) and the Wilcoxon signed-rank test
# (wilcox.test(after, before, paired = TRUE), exact or normal approximation by R's own rule).
#
# Run from the worktree root:
#   Rscript tests/ImpactEval.Statistics.Tests/Reference/paired.R
#
# Every dataset is synthetic (set.seed below) and written into the JSON next to its reference values. NA is null.

suppressPackageStartupMessages(library(jsonlite))

out_dir <- "tests/ImpactEval.Statistics.Tests/Fixtures/contrasts"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
arr <- function(x) I(as.numeric(x))

set.seed(20261206)

paired_case <- function(name, before, after) {
  ok <- !is.na(before) & !is.na(after)
  t95 <- t.test(after, before, paired = TRUE)
  t90 <- t.test(after, before, paired = TRUE, conf.level = 0.90)
  w <- suppressWarnings(wilcox.test(after, before, paired = TRUE))
  d <- (after - before)[ok]
  list(name = name, before = arr(before), after = arr(after),
       n = sum(ok), mean = unname(t95$estimate), se = unname(t95$stderr), t = unname(t95$statistic),
       df = unname(t95$parameter), p = t95$p.value, ci95 = arr(t95$conf.int), ci90 = arr(t90$conf.int),
       v = unname(w$statistic), wilcoxon_p = w$p.value,
       wilcoxon_exact = !any(d == 0) && !any(duplicated(abs(d[d != 0]))) && sum(d != 0) < 50,
       wilcoxon_n = sum(d != 0))
}

# A questionnaire score before and after a stay, 40 children, 3 missing at one time or the other.
before <- round(rnorm(40, 3.1, 0.8), 3)
after <- round(before + rnorm(40, 0.35, 0.6), 3)
before[c(4, 17)] <- NA
after[29] <- NA
continuous <- paired_case("continuous_40", before, after)

# Ratings 1 to 4 (ordinal), 35 children: ties and zero changes, so the normal approximation.
b <- sample(1:4, 35, replace = TRUE, prob = c(0.2, 0.35, 0.3, 0.15))
a <- pmin(4, pmax(1, b + sample(-1:2, 35, replace = TRUE, prob = c(0.15, 0.4, 0.35, 0.1))))
ordinal <- paired_case("ordinal_35", b, a)

# 8 children, no ties nor zeros: exact signed-rank distribution.
small_b <- round(rnorm(8, 10, 2), 2)
small_a <- round(small_b + rnorm(8, 1, 1.5), 2)
small <- paired_case("small_8", small_b, small_a)

# 60 children: normal approximation without ties (R's exact rule needs fewer than 50 pairs).
large_b <- round(rnorm(60, 50, 10), 4)
large_a <- round(large_b + rnorm(60, -1.5, 6), 4)
large <- paired_case("large_60", large_b, large_a)

writeLines(toJSON(list(r = R.version.string, cases = list(continuous, ordinal, small, large)),
                  auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE),
           file.path(out_dir, "paired.json"))
