# Reference values for descriptives, two-group contrasts, several-group tests and multiplicity
# (src/ImpactEval.Statistics/{Descriptive,Contrasts,Multiplicity}).
#
# Run from the worktree root:
#   Rscript tests/ImpactEval.Statistics.Tests/Reference/contrasts.R
#   /usr/bin/python3 tests/ImpactEval.Statistics.Tests/Reference/contrasts_rank.py   (reads rank.json)
#
# Produced with: R version 4.2.2 Patched (2022-11-10 r83330), x86_64-pc-linux-gnu, Debian 12;
#   effectsize 0.8.3, metafor 3.8-1, epiR 2.0.57, jsonlite 1.8.4.
#
# Every dataset is synthetic (set.seed below) and written into the JSON next to its reference values,
# so the C# tests run on exactly these numbers. NA (missing) is written as null.
#
# Where an R function finds a root with a loose tolerance (fisher.test uses uniroot's default
# tol = 1.2e-4; effectsize::hedges_g uses optim(abstol = 1e-9)), the fixture carries both the
# package's value and a "precise" value: the same defining equation solved here with
# uniroot(tol = 1e-13). The C# tests hold the precise value to 1e-8 and the package value to a
# looser tolerance stated in the test.

suppressPackageStartupMessages({
  library(jsonlite)
  library(effectsize)
  library(metafor)
  library(epiR)
})

out_dir <- "tests/ImpactEval.Statistics.Tests/Fixtures/contrasts"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
write_fixture <- function(x, name) {
  writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE),
             file.path(out_dir, name))
}
# Keep vectors as JSON arrays even when they have length 1.
arr <- function(x) I(as.numeric(x))

versions <- list(
  r = R.version.string,
  effectsize = as.character(packageVersion("effectsize")),
  metafor = as.character(packageVersion("metafor")),
  epiR = as.character(packageVersion("epiR")),
  jsonlite = as.character(packageVersion("jsonlite")))

set.seed(20240917)

# ---------------------------------------------------------------------------------------------
# 1. Descriptives per group: n, missing, mean, sd, se, median, quartiles (type 7), min, max,
#    t interval for the mean (t.test(x)).
# ---------------------------------------------------------------------------------------------
describe <- function(name, values) {
  x <- values[!is.na(values)]
  n <- length(x)
  q <- quantile(x, c(0.25, 0.5, 0.75), type = 7, names = FALSE)
  res <- list(name = name, values = arr(values), n = n, missing = sum(is.na(values)),
              mean = mean(x), min = min(x), max = max(x), median = median(x),
              q1 = q[1], q3 = q[3], quantile_median = q[2])
  if (n >= 2) {
    tt <- t.test(x)
    tt90 <- t.test(x, conf.level = 0.90)
    res <- c(res, list(sd = sd(x), se = sd(x) / sqrt(n),
                       ci95 = arr(tt$conf.int), ci90 = arr(tt90$conf.int),
                       t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value))
  }
  res
}
v1 <- round(rnorm(30, 12, 3), 2); v1[c(4, 17, 29)] <- NA
v3 <- sample(1:4, 17, replace = TRUE, prob = c(0.1, 0.3, 0.4, 0.2)); v3 <- c(v3[1:8], NA, v3[9:17], NA)
descriptives <- list(
  describe("scores_with_missing", v1),
  describe("small_with_ties", c(2, 3, 3, 5, 8)),
  describe("likert_1_to_4", v3),
  describe("two_values", c(4.5, 7.25)),
  describe("skewed_n200", round(rexp(200) * 10, 1)),
  describe("single_value", c(NA, 6.5)))
write_fixture(list(versions = versions, cases = descriptives), "descriptives.json")

# ---------------------------------------------------------------------------------------------
# 2. Distribution over levels, Wilson score interval per level = prop.test(x, n, correct = FALSE).
# ---------------------------------------------------------------------------------------------
wilson <- function(x, n, level = 0.95) suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
level_case <- function(name, values, codes, labels, level) {
  x <- values[!is.na(values)]
  n <- length(x)
  lv <- lapply(seq_along(codes), function(i) {
    k <- sum(x == codes[i])
    ci <- wilson(k, n, level)
    list(code = codes[i], label = labels[i], count = k, proportion = k / n, lower = ci[1], upper = ci[2])
  })
  list(name = name, values = arr(values), codes = arr(codes), labels = I(labels), level = level,
       n = n, missing = sum(is.na(values)), levels = lv)
}
l1 <- sample(1:4, 40, replace = TRUE, prob = c(0.15, 0.35, 0.3, 0.2)); l1[c(3, 11)] <- NA
l2 <- c(1, 1, 2, 2, 2, 3)             # small, one level never observed (code 4)
l3 <- sample(c(0, 1, 2), 150, replace = TRUE, prob = c(0.7, 0.25, 0.05)); l3[sample(150, 12)] <- NA
likert_labels <- c("Jamais", "Parfois", "Souvent", "Toujours")
levels_cases <- list(
  level_case("likert_n40", l1, 1:4, likert_labels, 0.95),
  level_case("small_unobserved_level", l2, 1:4, likert_labels, 0.95),
  level_case("three_levels_n150_level90", l3, 0:2, c("Non", "En partie", "Oui"), 0.90))
wilson_cases <- lapply(list(c(0, 10, 0.95), c(10, 10, 0.95), c(3, 7, 0.95), c(45, 120, 0.95),
                            c(1, 1, 0.95), c(0, 1, 0.95), c(17, 52, 0.90), c(17, 52, 0.99)),
                       function(a) { ci <- wilson(a[1], a[2], a[3])
                         list(x = a[1], n = a[2], level = a[3], lower = ci[1], upper = ci[2]) })
write_fixture(list(versions = versions, distributions = levels_cases, wilson = wilson_cases), "levels.json")

# ---------------------------------------------------------------------------------------------
# 3. Difference in means: Welch and Student t.test; Hedges' g (effectsize::hedges_g, pooled SD,
#    noncentral-t CI) with the SE of metafor::escalc("SMD") (large-sample variance, vtype "LS").
# ---------------------------------------------------------------------------------------------
tt_fields <- function(tt) list(estimate = unname(tt$estimate[1] - tt$estimate[2]), se = tt$stderr,
                               t = unname(tt$statistic), df = unname(tt$parameter), p = tt$p.value,
                               lower = tt$conf.int[1], upper = tt$conf.int[2])
hedges_precise <- function(x, y, level) {
  n1 <- length(x); n2 <- length(y); df <- n1 + n2 - 2
  sp <- sqrt(((n1 - 1) * var(x) + (n2 - 1) * var(y)) / df)
  hn <- 1 / n1 + 1 / n2
  t <- (mean(x) - mean(y)) / (sp * sqrt(hn))
  J <- exp(lgamma(df / 2) - log(sqrt(df / 2)) - lgamma((df - 1) / 2))
  a <- (1 - level) / 2
  f <- function(ncp, p) suppressWarnings(pt(t, df, ncp)) - p
  lo <- uniroot(f, c(t - 40, t + 40), p = 1 - a, tol = 1e-13)$root
  hi <- uniroot(f, c(t - 40, t + 40), p = a, tol = 1e-13)$root
  c(lower = lo * sqrt(hn) * J, upper = hi * sqrt(hn) * J)
}
mean_case <- function(name, x, y, level = 0.95) {
  xx <- x[!is.na(x)]; yy <- y[!is.na(y)]
  res <- list(name = name, x = arr(x), y = arr(y), level = level)
  res$welch <- if (length(xx) >= 2 && length(yy) >= 2) tt_fields(t.test(xx, yy, var.equal = FALSE, conf.level = level)) else NULL
  res$student <- tt_fields(t.test(xx, yy, var.equal = TRUE, conf.level = level))
  if (length(xx) >= 2 && length(yy) >= 2) {
    g <- hedges_g(xx, yy, ci = level)
    e <- escalc("SMD", m1i = mean(xx), sd1i = sd(xx), n1i = length(xx),
                m2i = mean(yy), sd2i = sd(yy), n2i = length(yy))
    pr <- hedges_precise(xx, yy, level)
    res$hedges <- list(g = g$Hedges_g, lower_effectsize = g$CI_low, upper_effectsize = g$CI_high,
                       lower = unname(pr["lower"]), upper = unname(pr["upper"]),
                       metafor_yi = as.numeric(e$yi), se = sqrt(as.numeric(e$vi)))
  }
  res
}
m_int_x <- sample(1:5, 15, replace = TRUE); m_int_x[6] <- NA
m_int_y <- sample(1:5, 9, replace = TRUE)
mean_cases <- list(
  mean_case("unequal_variances", round(rnorm(20, 10, 4), 2), round(rnorm(25, 8, 1.5), 2)),
  mean_case("small_3_vs_4", c(3.1, 4.7, 5.0), c(2.2, 2.9, 4.1, 3.3)),
  mean_case("integer_scores_with_missing", m_int_x, c(m_int_y, NA)),
  mean_case("large_300_vs_250_level90", rnorm(300, 0.2), rnorm(250), level = 0.90),
  mean_case("one_group_constant", rep(3, 6), c(1, 2, 2, 3, 4)),
  mean_case("single_observation_student_only", 7.5, round(rnorm(8, 5), 2)))
# Focal design: beneficiaries (BEN) against two comparison cohorts, Welch each time.
focal_groups <- list(BEN = round(rnorm(18, 3.2, 0.7), 1), CRECHE = round(rnorm(22, 2.9, 0.9), 1),
                     ELOIGNE = round(rnorm(14, 2.5, 1.1), 1))
focal <- list(groups = lapply(names(focal_groups), function(k) list(label = k, values = arr(focal_groups[[k]]))),
              focal = "BEN",
              comparisons = lapply(c("CRECHE", "ELOIGNE"), function(k)
                c(list(comparison = k), tt_fields(t.test(focal_groups$BEN, focal_groups[[k]])))))
write_fixture(list(versions = versions, cases = mean_cases, focal = focal), "means.json")

# ---------------------------------------------------------------------------------------------
# 4. Binary outcome, 2x2 table (focal events a of n1, comparison events c of n2).
#    Risk difference: Newcombe (1998) method 10 hybrid score interval, built from prop.test Wilson
#    intervals; its test is prop.test(correct = FALSE) (pooled score z); its SE the unpooled Wald SE.
#    Risk ratio: Katz log interval; odds ratio: Woolf log interval; when a needed cell is zero,
#    0.5 is added to every cell (Haldane-Anscombe) — risk ratio when a or c is 0, odds ratio when
#    any cell is 0. Fisher: fisher.test (two-sided p, conditional MLE and exact CI).
# ---------------------------------------------------------------------------------------------
newcombe <- function(a, n1, c, n2, level) {
  p1 <- a / n1; p2 <- c / n2; w1 <- wilson(a, n1, level); w2 <- wilson(c, n2, level); d <- p1 - p2
  c(d - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), d + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}
# Conditional (noncentral hypergeometric) distribution of the focal event count, hand-coded.
fisher_precise <- function(a, n1, c, n2, level) {
  m <- a + c; n <- (n1 - a) + (n2 - c); k <- n1
  lo <- max(0, k - n); hi <- min(k, m); s <- lo:hi
  logdc <- dhyper(s, m, n, k, log = TRUE)
  dens <- function(psi) { d <- logdc + log(psi) * s; d <- exp(d - max(d)); d / sum(d) }
  lower_tail <- function(psi) sum(dens(psi)[s <= a])
  upper_tail <- function(psi) sum(dens(psi)[s >= a])
  mean_at <- function(psi) sum(s * dens(psi))
  alpha <- (1 - level) / 2
  mle <- if (a == lo) 0 else if (a == hi) Inf else
    exp(uniroot(function(u) mean_at(exp(u)) - a, c(-30, 30), tol = 1e-13)$root)
  low <- if (a == lo) 0 else exp(uniroot(function(u) upper_tail(exp(u)) - alpha, c(-30, 30), tol = 1e-13)$root)
  up <- if (a == hi) Inf else exp(uniroot(function(u) lower_tail(exp(u)) - alpha, c(-30, 30), tol = 1e-13)$root)
  c(mle, low, up)
}
finite_or_null <- function(v) if (is.finite(v)) v else NULL
binary_case <- function(name, a, n1, c, n2, level = 0.95) {
  p1 <- a / n1; p2 <- c / n2
  pt2 <- suppressWarnings(prop.test(c(a, c), c(n1, n2), correct = FALSE))
  nc <- newcombe(a, n1, c, n2, level)
  z <- qnorm(1 - (1 - level) / 2)
  rr_corr <- (a == 0 || c == 0); or_corr <- (a == 0 || c == 0 || a == n1 || c == n2)
  h <- if (rr_corr) 0.5 else 0
  lrr <- log(((a + h) / (n1 + 2 * h)) / ((c + h) / (n2 + 2 * h)))
  se_lrr <- sqrt(1 / (a + h) - 1 / (n1 + 2 * h) + 1 / (c + h) - 1 / (n2 + 2 * h))
  h <- if (or_corr) 0.5 else 0
  lor <- log(((a + h) * (n2 - c + h)) / ((n1 - a + h) * (c + h)))
  se_lor <- sqrt(1 / (a + h) + 1 / (n1 - a + h) + 1 / (c + h) + 1 / (n2 - c + h))
  ft <- fisher.test(matrix(c(a, c, n1 - a, n2 - c), 2), conf.level = level)
  fp <- fisher_precise(a, n1, c, n2, level)
  res <- list(name = name, a = a, n1 = n1, c = c, n2 = n2, level = level,
    risk_difference = list(estimate = p1 - p2, se = sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2),
                           z = sign(p1 - p2) * sqrt(unname(pt2$statistic)), p = pt2$p.value,
                           lower = nc[1], upper = nc[2]),
    risk_ratio = list(estimate = exp(lrr), se_log = se_lrr, z = lrr / se_lrr, p = 2 * pnorm(-abs(lrr / se_lrr)),
                      lower = exp(lrr - z * se_lrr), upper = exp(lrr + z * se_lrr), haldane = rr_corr),
    odds_ratio = list(estimate = exp(lor), se_log = se_lor, z = lor / se_lor, p = 2 * pnorm(-abs(lor / se_lor)),
                      lower = exp(lor - z * se_lor), upper = exp(lor + z * se_lor), haldane = or_corr),
    fisher = list(p = ft$p.value,
                  estimate_fisher_test = finite_or_null(unname(ft$estimate)),
                  lower_fisher_test = ft$conf.int[1], upper_fisher_test = finite_or_null(ft$conf.int[2]),
                  estimate = finite_or_null(fp[1]), estimate_is_infinite = is.infinite(fp[1]),
                  lower = fp[2], upper = finite_or_null(fp[3]), upper_is_infinite = is.infinite(fp[3])))
  if (!rr_corr && !or_corr) {
    # Independent check of the Katz / Woolf convention (no zero cell): epiR::epi.2by2 Wald intervals.
    ep <- epi.2by2(matrix(c(a, n1 - a, c, n2 - c), 2, byrow = TRUE), method = "cohort.count", conf.level = level)
    res$epiR <- list(rr = ep$massoc.detail$RR.strata.wald$est, rr_lower = ep$massoc.detail$RR.strata.wald$lower,
                     rr_upper = ep$massoc.detail$RR.strata.wald$upper, or = ep$massoc.detail$OR.strata.wald$est,
                     or_lower = ep$massoc.detail$OR.strata.wald$lower, or_upper = ep$massoc.detail$OR.strata.wald$upper)
  }
  res
}
binary_cases <- list(
  binary_case("moderate_12of40_vs_20of45", 12, 40, 20, 45),
  binary_case("small_1of6_vs_4of7", 1, 6, 4, 7),
  binary_case("zero_events_focal_0of10_vs_5of12", 0, 10, 5, 12),
  binary_case("all_events_focal_30of30_vs_25of28", 30, 30, 25, 28),
  binary_case("large_150of400_vs_120of410_level90", 150, 400, 120, 410, level = 0.90),
  binary_case("two_zero_cells_3of3_vs_0of4", 3, 3, 0, 4))
write_fixture(list(versions = versions, cases = binary_cases), "binary.json")

# ---------------------------------------------------------------------------------------------
# 5. Ordinal outcome: wilcox.test defaults (exact if both n < 50 and no ties; otherwise normal
#    approximation with tie and continuity correction). Probability of superiority W / (n1 n2)
#    and Cliff's delta (effectsize::cliffs_delta). Brunner-Munzel values come from
#    contrasts_rank.py (statsmodels), which reads this file.
# ---------------------------------------------------------------------------------------------
rank_case <- function(name, x, y) {
  xx <- x[!is.na(x)]; yy <- y[!is.na(y)]
  w <- withCallingHandlers(wilcox.test(xx, yy), warning = function(w) invokeRestart("muffleWarning"))
  cd <- cliffs_delta(xx, yy)
  list(name = name, x = arr(x), y = arr(y),
       w = unname(w$statistic), p = w$p.value, method = w$method,
       exact = !grepl("continuity", w$method) && length(unique(c(xx, yy))) == length(c(xx, yy)) &&
               length(xx) < 50 && length(yy) < 50,
       prob_superiority = unname(w$statistic) / (length(xx) * length(yy)),
       cliffs_delta = cd$r_rank_biserial)
}
rank_cases <- list(
  rank_case("exact_small_7_vs_9", round(rnorm(7, 1), 3), round(rnorm(9), 3)),
  rank_case("likert_ties_20_vs_25", sample(1:4, 20, TRUE, prob = c(0.1, 0.2, 0.4, 0.3)),
            c(sample(1:4, 25, TRUE, prob = c(0.2, 0.35, 0.3, 0.15)), NA)),
  rank_case("normal_approx_60_vs_55", round(rnorm(60, 0.3), 4), round(rnorm(55), 4)),
  rank_case("small_ties_5_vs_6", c(1, 2, 2, 3, 5), c(2, 3, 4, 4, 5, 6)),
  rank_case("exact_49_vs_12", round(rnorm(49, 0.5), 5), round(rnorm(12), 5)),
  rank_case("complete_separation_5_vs_4", c(5, 6, 7, 8, 9), c(1, 2, 3, 4)))
write_fixture(list(versions = versions, cases = rank_cases), "rank.json")

# ---------------------------------------------------------------------------------------------
# 6. Several groups: oneway.test(var.equal = FALSE), kruskal.test, chisq.test(correct = FALSE).
# ---------------------------------------------------------------------------------------------
groups_json <- function(gl) lapply(names(gl), function(k) list(label = k, values = arr(gl[[k]])))
stack_groups <- function(gl) {
  y <- unlist(gl, use.names = FALSE); g <- factor(rep(names(gl), lengths(gl)), levels = names(gl))
  keep <- !is.na(y); list(y = y[keep], g = droplevels(g[keep]))
}
welch_case <- function(name, gl) {
  s <- stack_groups(gl); ow <- oneway.test(y ~ g, data = data.frame(y = s$y, g = s$g), var.equal = FALSE)
  list(name = name, groups = groups_json(gl), f = unname(ow$statistic),
       df1 = unname(ow$parameter[1]), df2 = unname(ow$parameter[2]), p = ow$p.value)
}
kruskal_case <- function(name, gl) {
  s <- stack_groups(gl); kt <- kruskal.test(s$y, s$g)
  list(name = name, groups = groups_json(gl), h = unname(kt$statistic), df = unname(kt$parameter), p = kt$p.value)
}
g_norm <- list(A = round(rnorm(12, 10, 2), 2), B = round(rnorm(15, 11, 3), 2), C = round(rnorm(9, 9, 1), 2))
g_small <- list(BEN = c(4.1, 5.3, 6.0), CRECHE = c(3.9, NA, 4.4, 5.0, 4.8, 3.2), ELOIGNE = c(2.5, 3.1, 4.0, 3.6),
                AUTRE = c(5.5, 4.9, 6.1, 5.8, 4.7, 5.2))
g_likert <- list(BEN = sample(1:4, 20, TRUE, prob = c(0.1, 0.2, 0.4, 0.3)),
                 CRECHE = sample(1:4, 18, TRUE, prob = c(0.2, 0.3, 0.3, 0.2)),
                 ELOIGNE = sample(1:4, 25, TRUE, prob = c(0.3, 0.3, 0.3, 0.1)))
g_single <- list(A = c(3.5), B = c(1.2, 2.8, 2.2, 4.0), C = c(5.1, 6.3, 4.4, 7.0, 5.9, 6.6))
welch_cases <- list(welch_case("normal_3_groups", g_norm), welch_case("small_4_groups_with_missing", g_small),
                    welch_case("likert_3_groups", g_likert))
kruskal_cases <- list(kruskal_case("normal_3_groups", g_norm), kruskal_case("likert_3_groups_ties", g_likert),
                      kruskal_case("one_group_single_observation", g_single))

chisq_case <- function(name, tab, groups = NULL, codes = NULL, labels = NULL) {
  ct <- suppressWarnings(chisq.test(tab, correct = FALSE))
  list(name = name, groups = groups, codes = codes, labels = labels,
       observed = lapply(seq_len(nrow(tab)), function(i) arr(tab[i, ])),
       x2 = unname(ct$statistic), df = unname(ct$parameter), p = ct$p.value,
       expected = lapply(seq_len(nrow(tab)), function(i) arr(ct$expected[i, ])),
       min_expected = min(ct$expected))
}
raw_to_table <- function(gl, codes, observed_codes = codes) {
  t(sapply(gl, function(v) sapply(observed_codes, function(k) sum(v == k, na.rm = TRUE))))
}
c_raw <- list(BEN = sample(1:4, 45, TRUE, prob = c(0.1, 0.3, 0.4, 0.2)),
              CRECHE = sample(1:4, 60, TRUE, prob = c(0.2, 0.3, 0.3, 0.2)),
              ELOIGNE = c(sample(1:4, 38, TRUE, prob = c(0.35, 0.3, 0.2, 0.15)), NA, NA))
c_small <- list(BEN = c(1, 1, 2, 3, 3, 3), CRECHE = c(1, 2, 2, 2, 3), ELOIGNE = c(1, 1, 1, 2))
c_unobs <- list(BEN = c(1, 2, 2, 4, 4, 4, 1, 2), AUTRES = c(1, 1, 2, 4, 2, 1, 1, 1, 2))  # code 3 never seen
tab_2x2 <- matrix(c(18, 7, 11, 19), 2, byrow = TRUE)
chisq_cases <- list(
  chisq_case("raw_3_groups_4_levels", raw_to_table(c_raw, 1:4), groups_json(c_raw), arr(1:4), I(likert_labels)),
  chisq_case("table_2x2", tab_2x2),
  chisq_case("small_expected_3x3", raw_to_table(c_small, 1:3), groups_json(c_small), arr(1:3), I(c("Bas", "Moyen", "Haut"))),
  chisq_case("unobserved_level_dropped", raw_to_table(c_unobs, 1:4, c(1, 2, 4)), groups_json(c_unobs), arr(1:4), I(likert_labels)))
write_fixture(list(versions = versions, welch_anova = welch_cases, kruskal = kruskal_cases, chisq = chisq_cases),
              "multigroup.json")

# ---------------------------------------------------------------------------------------------
# 7. Multiplicity: p.adjust (NA kept in place; n = number of non-missing p-values).
# ---------------------------------------------------------------------------------------------
adjust_case <- function(name, p) list(name = name, p = arr(p),
  holm = arr(p.adjust(p, "holm")), hochberg = arr(p.adjust(p, "hochberg")),
  bh = arr(p.adjust(p, "BH")), bonferroni = arr(p.adjust(p, "bonferroni")))
padjust_cases <- list(
  adjust_case("six_indicators", c(0.01, 0.04, 0.03, 0.005, 0.2, 0.8)),
  adjust_case("missing_and_ties", c(0.02, NA, 0.02, 0.001, 1, NA, 0.049)),
  adjust_case("twenty_five_random", runif(25)^2),
  adjust_case("single", 0.03),
  adjust_case("zeros_and_ones", c(0, 1, 0.5, 0, 1e-12)))
write_fixture(list(versions = versions, cases = padjust_cases), "padjust.json")

cat("Fixtures written to", out_dir, "\n")
