# Reference values for the design area: power / minimum detectable effects (Power/),
# meta-analysis across cités (Pooling/) and the percentile rule of the cluster bootstrap (Resampling/).
#
# Run from the worktree root:  Rscript tests/ImpactEval.Statistics.Tests/Reference/design.R
# Writes JSON fixtures to tests/ImpactEval.Statistics.Tests/Fixtures/design/.
#
# Generated with: R version 4.2.2 Patched (2022-11-10 r83330), x86_64-pc-linux-gnu, Debian 12;
#   pwr 1.3.0, metafor 3.8.1, boot 1.3.28.1, jsonlite 1.8.4 (printed again below when run).
#
# Conventions and sources
# - pwr::pwr.t.test / pwr.t2n.test / pwr.anova.test / pwr.2p.test / pwr.2p2n.test give the power
#   directly. When pwr *solves* for n, d, f or h it calls uniroot() with its default tolerance
#   (.Machine$double.eps^0.25, about 1e-4), so its printed solution is only good to ~1e-4. The
#   fixtures therefore also hold the root of pwr's OWN power function found with uniroot(tol = 1e-13)
#   ("exact"), which the C# code must match to 1e-6; pwr's default solution is kept as "pwr_default"
#   for a looser check.
# - PowerUpR (Bulus, Dong, Kelcey & Spybrook; Dong & Maynard 2013, J. Res. Educ. Eff. 6(1)) is not
#   installed here. Its documented formulas are hand-coded below (ira1r1, cra2r2, bira2f1):
#     MDES = M * SSE, M = t(1 - alpha/2; df) + t(power; df)  (T1 - T2 when power < .5),
#     power = noncentral t with ncp = es / SSE on df,
#     mrss  = PowerUpR's fixed-point iteration (start 10, tol .10, halving, round()).
#     ira1r1 : SSE = sqrt((1 - r21) / (p (1 - p) n)),                              df = n - g1 - 2
#     cra2r2 : SSE = sqrt(rho2 (1 - r22)/(p(1-p)J) + (1 - rho2)(1 - r21)/(p(1-p)J n)), df = J - g2 - 2
#     bira2f1: SSE = sqrt((1 - r21) / (p (1 - p) J n)),                           df = J (n - 2) - g1
# - metafor::rma(yi, vi, method = "EE" | "DL" | "REML", test = "z" | "knha" | "adhoc") with
#   control = list(threshold = 1e-12, maxiter = 1000) so REML (Fisher scoring) is fully converged;
#   predict() with its default pi.type gives the prediction interval; weights() the % weights.
# - boot:::norm.inter is the order-statistic rule of boot.ci(type = "perc").

suppressPackageStartupMessages({
  library(pwr)
  library(metafor)
  library(boot)
  library(jsonlite)
})

cat(R.version.string, "\n")
for (p in c("pwr", "metafor", "boot", "jsonlite")) cat(p, as.character(packageVersion(p)), "\n")

out_dir <- file.path("tests", "ImpactEval.Statistics.Tests", "Fixtures", "design")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
write_fixture <- function(x, name) {
  write_json(x, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, pretty = TRUE,
             na = "null", null = "null")
}
tight <- 1e-13

# ---------------------------------------------------------------------------------------------
# Power: shared PowerUpR-style helpers (hand-coded from the formulas quoted above)
# ---------------------------------------------------------------------------------------------
nct_power <- function(es, sse, df, alpha) {
  ncp <- es / sse
  q <- qt(alpha / 2, df, lower.tail = FALSE)
  pt(q, df, ncp, lower.tail = FALSE) + pt(-q, df, ncp, lower.tail = TRUE)
}
multiplier <- function(df, alpha, power) {
  t1 <- abs(qt(alpha / 2, df))
  t2 <- abs(qt(power, df))
  if (power >= 0.5) t1 + t2 else t1 - t2
}
# PowerUpR mrss iteration: `size_from_m(M)` returns the size implied by multiplier M, df_of(size).
mrss_iterate <- function(size_from_m, df_of, alpha, power, start = 10, tol = 0.10) {
  i <- 0; conv <- FALSE; x0 <- start
  while (i <= 100 && !conv) {
    df <- df_of(x0)
    if (df <= 0 || is.infinite(df)) break
    M <- multiplier(df, alpha, power)
    x1 <- size_from_m(M)
    if (abs(x1 - x0) < tol) conv <- TRUE
    x0 <- (x1 + x0) / 2
    i <- i + 1
  }
  list(size = if (df > 0) round(x0) else NA, unrounded = x0, df = df, multiplier = M, iterations = i)
}
exact_root <- function(f, lower, upper) uniroot(f, c(lower, upper), tol = tight, maxiter = 10000)$root

# ---------------------------------------------------------------------------------------------
# 1. Two groups, continuous outcome (pwr.t.test / pwr.t2n.test; PowerUpR ira1r1 with R^2)
# ---------------------------------------------------------------------------------------------
two_group <- list()

# Power for given sizes (pwr; g = 0, R^2 = 0).
power_cases <- list(
  list(d = 0.3, n1 = 100, n2 = 100, alpha = 0.05),
  list(d = 0.5, n1 = 30, n2 = 45, alpha = 0.05),
  list(d = 0.2, n1 = 250, n2 = 120, alpha = 0.05),
  list(d = 1.2, n1 = 5, n2 = 7, alpha = 0.10),
  list(d = -0.4, n1 = 60, n2 = 60, alpha = 0.01),
  list(d = 0.02, n1 = 20000, n2 = 30000, alpha = 0.05),
  list(d = 0.004, n1 = 5e5, n2 = 5e5, alpha = 0.05)
)
two_group$power <- lapply(power_cases, function(cs) {
  if (cs$n1 == cs$n2) {
    p <- pwr.t.test(n = cs$n1, d = cs$d, sig.level = cs$alpha)$power
    src <- "pwr.t.test"
  } else {
    p <- pwr.t2n.test(n1 = cs$n1, n2 = cs$n2, d = cs$d, sig.level = cs$alpha)$power
    src <- "pwr.t2n.test"
  }
  c(cs, list(r2 = 0, g = 0, power = p, source = src))
})

# Power with covariates: PowerUpR power.ira1r1 (p = n1 / n, n = n1 + n2, df = n - g - 2).
ira_power <- function(d, n1, n2, alpha, r2, g) {
  n <- n1 + n2; p <- n1 / n
  nct_power(d, sqrt((1 - r2) / (p * (1 - p) * n)), n - g - 2, alpha)
}
for (cs in list(list(d = 0.25, n1 = 150, n2 = 150, alpha = 0.05, r2 = 0.4, g = 3),
                list(d = 0.3, n1 = 100, n2 = 220, alpha = 0.05, r2 = 0.25, g = 1))) {
  two_group$power[[length(two_group$power) + 1]] <-
    c(cs, list(power = ira_power(cs$d, cs$n1, cs$n2, cs$alpha, cs$r2, cs$g),
               source = "PowerUpR power.ira1r1 formula (hand-coded)"))
}

# Sample size: exact root of pwr's power function; allocation ratio n2 = ratio * n1.
ss_cases <- list(
  list(d = 0.3, power = 0.8, alpha = 0.05, ratio = 1, r2 = 0, g = 0),
  list(d = 0.5, power = 0.9, alpha = 0.05, ratio = 1, r2 = 0, g = 0),
  list(d = 0.8, power = 0.8, alpha = 0.01, ratio = 1, r2 = 0, g = 0),
  list(d = 0.25, power = 0.8, alpha = 0.05, ratio = 2, r2 = 0, g = 0),
  list(d = 0.2, power = 0.8, alpha = 0.05, ratio = 1, r2 = 0.5, g = 2)
)
two_group$sample_size <- lapply(ss_cases, function(cs) {
  f <- function(n1) ira_power(cs$d, n1, cs$ratio * n1, cs$alpha, cs$r2, cs$g) - cs$power
  n1 <- exact_root(f, (2 + cs$g) / (1 + cs$ratio) + 1e-6, 1e7)
  res <- c(cs, list(n1 = n1, n2 = cs$ratio * n1))
  if (cs$ratio == 1 && cs$r2 == 0 && cs$g == 0) {
    f2 <- function(n) pwr.t.test(n = n, d = cs$d, sig.level = cs$alpha)$power - cs$power
    res$n1_pwr_exact <- exact_root(f2, 2 + 1e-10, 1e7)
    res$pwr_default <- pwr.t.test(d = cs$d, power = cs$power, sig.level = cs$alpha)$n
    res$source <- "pwr.t.test power function, uniroot(tol = 1e-13)"
  } else if (cs$r2 == 0 && cs$g == 0) {
    f2 <- function(n1) pwr.t2n.test(n1 = n1, n2 = cs$ratio * n1, d = cs$d, sig.level = cs$alpha)$power - cs$power
    res$n1_pwr_exact <- exact_root(f2, 2 + 1e-10, 1e7)
    res$source <- "pwr.t2n.test power function with n2 = ratio * n1, uniroot(tol = 1e-13)"
  } else {
    res$source <- "PowerUpR power.ira1r1 formula (hand-coded), uniroot(tol = 1e-13)"
  }
  res
})

# Minimum detectable effect, exact (noncentral t root) and PowerUpR multiplier.
mde_cases <- list(
  list(n1 = 100, n2 = 100, power = 0.8, alpha = 0.05, r2 = 0, g = 0),
  list(n1 = 300, n2 = 300, power = 0.8, alpha = 0.05, r2 = 0, g = 0),
  list(n1 = 120, n2 = 250, power = 0.9, alpha = 0.05, r2 = 0, g = 0),
  list(n1 = 12, n2 = 10, power = 0.8, alpha = 0.05, r2 = 0, g = 0),
  list(n1 = 150, n2 = 150, power = 0.8, alpha = 0.05, r2 = 0.4, g = 3),
  list(n1 = 80, n2 = 160, power = 0.7, alpha = 0.10, r2 = 0.2, g = 1),
  list(n1 = 40, n2 = 40, power = 0.4, alpha = 0.05, r2 = 0.1, g = 0)
)
two_group$mde <- lapply(mde_cases, function(cs) {
  n <- cs$n1 + cs$n2; p <- cs$n1 / n; df <- n - cs$g - 2
  sse <- sqrt((1 - cs$r2) / (p * (1 - p) * n))
  f <- function(d) ira_power(d, cs$n1, cs$n2, cs$alpha, cs$r2, cs$g) - cs$power
  res <- c(cs, list(mde = exact_root(f, 1e-9, 50), df = df, sse = sse,
                    multiplier = multiplier(df, cs$alpha, cs$power),
                    mde_multiplier = multiplier(df, cs$alpha, cs$power) * sse))
  res$power_at_multiplier_mde <- ira_power(res$mde_multiplier, cs$n1, cs$n2, cs$alpha, cs$r2, cs$g)
  if (cs$r2 == 0 && cs$g == 0 && cs$power > cs$alpha) {
    f2 <- function(d) pwr.t2n.test(n1 = cs$n1, n2 = cs$n2, d = d, sig.level = cs$alpha)$power - cs$power
    res$mde_pwr_exact <- exact_root(f2, 1e-9, 50)
    res$pwr_default <- pwr.t2n.test(n1 = cs$n1, n2 = cs$n2, power = cs$power, sig.level = cs$alpha)$d
  }
  res
})

# PowerUpR mrss.ira1r1: total n, p = proportion treated.
mrss_ira_cases <- list(
  list(d = 0.25, power = 0.8, alpha = 0.05, p = 0.5, r2 = 0, g = 0),
  list(d = 0.2, power = 0.8, alpha = 0.05, p = 0.4, r2 = 0.5, g = 2),
  list(d = 0.6, power = 0.9, alpha = 0.05, p = 0.5, r2 = 0.3, g = 1)
)
two_group$mrss <- lapply(mrss_ira_cases, function(cs) {
  r <- mrss_iterate(function(M) (M / cs$d)^2 * (1 - cs$r2) / (cs$p * (1 - cs$p)),
                    function(n) n - cs$g - 2, cs$alpha, cs$power)
  c(cs, list(n = r$size, unrounded = r$unrounded, df = r$df, multiplier = r$multiplier,
             iterations = r$iterations))
})
write_fixture(two_group, "power_two_group.json")

# ---------------------------------------------------------------------------------------------
# 2. k groups, one-way ANOVA (pwr.anova.test, effect size f)
# ---------------------------------------------------------------------------------------------
anova_power <- function(k, n, f, alpha) pwr.anova.test(k = k, n = n, f = f, sig.level = alpha)$power
anova <- list()
anova$power <- lapply(list(list(k = 3, n = 100, f = 0.15, alpha = 0.05),
                           list(k = 4, n = 20, f = 0.25, alpha = 0.05),
                           list(k = 3, n = 250, f = 0.1, alpha = 0.01),
                           list(k = 2, n = 10, f = 0.6, alpha = 0.05)),
                      function(cs) c(cs, list(power = anova_power(cs$k, cs$n, cs$f, cs$alpha))))
anova$sample_size <- lapply(list(list(k = 3, f = 0.1, power = 0.8, alpha = 0.05),
                                 list(k = 5, f = 0.25, power = 0.9, alpha = 0.05),
                                 list(k = 3, f = 0.4, power = 0.8, alpha = 0.05)),
                            function(cs) c(cs, list(
                              n = exact_root(function(n) anova_power(cs$k, n, cs$f, cs$alpha) - cs$power, 2 + 1e-10, 1e7),
                              pwr_default = pwr.anova.test(k = cs$k, f = cs$f, power = cs$power, sig.level = cs$alpha)$n)))
anova$mde <- lapply(list(list(k = 3, n = 150, power = 0.8, alpha = 0.05),
                         list(k = 3, n = 100, power = 0.9, alpha = 0.05),
                         list(k = 6, n = 12, power = 0.8, alpha = 0.10)),
                    function(cs) c(cs, list(
                      f = exact_root(function(f) anova_power(cs$k, cs$n, f, cs$alpha) - cs$power, 1e-9, 100),
                      pwr_default = pwr.anova.test(k = cs$k, n = cs$n, power = cs$power, sig.level = cs$alpha)$f)))
write_fixture(anova, "power_anova.json")

# ---------------------------------------------------------------------------------------------
# 3. Two proportions (pwr.2p.test / pwr.2p2n.test, Cohen's h = 2 asin sqrt p1 - 2 asin sqrt p2)
# ---------------------------------------------------------------------------------------------
p2_power <- function(h, n1, n2, alpha) pwr.2p2n.test(h = h, n1 = n1, n2 = n2, sig.level = alpha)$power
props <- list()
props$power <- lapply(list(list(p1 = 0.45, p2 = 0.35, n1 = 200, n2 = 200, alpha = 0.05),
                           list(p1 = 0.30, p2 = 0.20, n1 = 120, n2 = 260, alpha = 0.05),
                           list(p1 = 0.08, p2 = 0.15, n1 = 300, n2 = 300, alpha = 0.10),
                           list(p1 = 0.5, p2 = 0.9, n1 = 12, n2 = 9, alpha = 0.05)),
                      function(cs) {
                        h <- ES.h(cs$p1, cs$p2)
                        pw <- if (cs$n1 == cs$n2) pwr.2p.test(h = h, n = cs$n1, sig.level = cs$alpha)$power
                              else p2_power(h, cs$n1, cs$n2, cs$alpha)
                        c(cs, list(h = h, power = pw))
                      })
props$sample_size <- lapply(list(list(h = 0.2, power = 0.8, alpha = 0.05, ratio = 1),
                                 list(h = ES.h(0.25, 0.15), power = 0.9, alpha = 0.05, ratio = 1),
                                 list(h = 0.3, power = 0.8, alpha = 0.05, ratio = 2.5)),
                            function(cs) {
                              n1 <- exact_root(function(n1) p2_power(cs$h, n1, cs$ratio * n1, cs$alpha) - cs$power, 2 + 1e-10, 1e8)
                              res <- c(cs, list(n1 = n1, n2 = cs$ratio * n1))
                              if (cs$ratio == 1) res$pwr_default <- pwr.2p.test(h = cs$h, power = cs$power, sig.level = cs$alpha)$n
                              res
                            })
# MDE as h and back on the proportion scale around a baseline rate p0:
#   above = sin(asin(sqrt(p0)) + h/2)^2, below = sin(asin(sqrt(p0)) - h/2)^2 (when reachable).
props$mde <- lapply(list(list(n1 = 200, n2 = 200, power = 0.8, alpha = 0.05, baseline = 0.30),
                         list(n1 = 120, n2 = 260, power = 0.8, alpha = 0.05, baseline = 0.10),
                         list(n1 = 20, n2 = 20, power = 0.9, alpha = 0.05, baseline = 0.95)),
                    function(cs) {
                      h <- exact_root(function(h) p2_power(h, cs$n1, cs$n2, cs$alpha) - cs$power, 1e-10, 10)
                      a0 <- asin(sqrt(cs$baseline))
                      above <- if (a0 + h / 2 <= pi / 2) sin(a0 + h / 2)^2 else NA
                      below <- if (a0 - h / 2 >= 0) sin(a0 - h / 2)^2 else NA
                      res <- c(cs, list(h = h, rate_above = above, rate_below = below,
                                        pwr_default = pwr.2p2n.test(n1 = cs$n1, n2 = cs$n2, power = cs$power, sig.level = cs$alpha)$h))
                      if (!is.na(above)) res$h_check_above <- ES.h(above, cs$baseline)
                      res
                    })
write_fixture(props, "power_proportions.json")

# ---------------------------------------------------------------------------------------------
# 4. Two-level cluster-randomised design (PowerUpR cra2r2, hand-coded)
# ---------------------------------------------------------------------------------------------
cra2_sse <- function(rho, n, J, p, r21, r22) sqrt(rho * (1 - r22) / (p * (1 - p) * J) + (1 - rho) * (1 - r21) / (p * (1 - p) * J * n))
cra2_cases <- list(
  list(J = 8, n = 30, rho = 0.10, p = 0.5, r21 = 0, r22 = 0, g2 = 0, alpha = 0.05, power = 0.8, es = 0.5),
  list(J = 20, n = 25, rho = 0.05, p = 0.4, r21 = 0.3, r22 = 0.5, g2 = 1, alpha = 0.05, power = 0.8, es = 0.3),
  list(J = 40, n = 10, rho = 0.20, p = 0.5, r21 = 0.1, r22 = 0.6, g2 = 2, alpha = 0.10, power = 0.9, es = 0.25),
  list(J = 12, n = 60, rho = 0.15, p = 0.5, r21 = 0, r22 = 0, g2 = 0, alpha = 0.05, power = 0.45, es = 0.6)
)
cra2 <- lapply(cra2_cases, function(cs) {
  df <- cs$J - cs$g2 - 2
  sse <- cra2_sse(cs$rho, cs$n, cs$J, cs$p, cs$r21, cs$r22)
  pw <- function(es, J, n) nct_power(es, cra2_sse(cs$rho, n, J, cs$p, cs$r21, cs$r22), J - cs$g2 - 2, cs$alpha)
  res <- c(cs, list(df = df, sse = sse,
                    power_at_es = pw(cs$es, cs$J, cs$n),
                    multiplier = multiplier(df, cs$alpha, cs$power),
                    mde_multiplier = multiplier(df, cs$alpha, cs$power) * sse,
                    mde = exact_root(function(d) pw(d, cs$J, cs$n) - cs$power, 1e-9, 50),
                    clusters = exact_root(function(J) pw(cs$es, J, cs$n) - cs$power, cs$g2 + 2 + 1e-9, 1e7)))
  r <- mrss_iterate(function(M) (M / cs$es)^2 * (cs$rho * (1 - cs$r22) / (cs$p * (1 - cs$p)) +
                                                  (1 - cs$rho) * (1 - cs$r21) / (cs$p * (1 - cs$p) * cs$n)),
                    function(J) J - cs$g2 - 2, cs$alpha, cs$power)
  res$mrss_clusters <- r$size
  res$mrss_unrounded <- r$unrounded
  res$power_at_multiplier_mde <- pw(res$mde_multiplier, cs$J, cs$n)
  # Cluster size for fixed J when reachable (power bounded as n -> infinity).
  limit <- pw(cs$es, cs$J, 1e12)
  res$cluster_size <- if (limit > cs$power) exact_root(function(n) pw(cs$es, cs$J, n) - cs$power, 1e-6, 1e12) else NA
  res
})
write_fixture(cra2, "power_cluster_randomised.json")

# ---------------------------------------------------------------------------------------------
# 5. Blocked individual assignment, fixed block effects (PowerUpR bira2f1, hand-coded)
#    The C# API takes the ICC and a within-block covariate R^2; PowerUpR's r21 is the share of
#    level-1 variance explained by block dummies and covariates: r21 = 1 - (1 - icc)(1 - r2within).
# ---------------------------------------------------------------------------------------------
bira_cases <- list(
  list(J = 8, n = 60, icc = 0.10, r2w = 0, g1 = 0, p = 0.5, alpha = 0.05, power = 0.8, es = 0.25),
  list(J = 8, n = 90, icc = 0.20, r2w = 0.3, g1 = 2, p = 1 / 3, alpha = 0.05, power = 0.8, es = 0.3),
  list(J = 3, n = 55, icc = 0, r2w = 0, g1 = 0, p = 0.5, alpha = 0.05, power = 0.8, es = 0.4),
  list(J = 14, n = 20, icc = 0.05, r2w = 0.5, g1 = 1, p = 0.4, alpha = 0.10, power = 0.9, es = 0.2)
)
bira <- lapply(bira_cases, function(cs) {
  r21 <- 1 - (1 - cs$icc) * (1 - cs$r2w)
  sse_of <- function(J, n) sqrt((1 - r21) / (cs$p * (1 - cs$p) * J * n))
  df_of <- function(J, n) J * (n - 2) - cs$g1
  pw <- function(es, J, n) nct_power(es, sse_of(J, n), df_of(J, n), cs$alpha)
  df <- df_of(cs$J, cs$n); sse <- sse_of(cs$J, cs$n)
  r <- mrss_iterate(function(M) (M / cs$es)^2 * ((1 - r21) / (cs$p * (1 - cs$p) * cs$n)),
                    function(J) J * (cs$n - 2) - cs$g1, cs$alpha, cs$power)
  c(cs, list(r21 = r21, df = df, sse = sse,
             power_at_es = pw(cs$es, cs$J, cs$n),
             multiplier = multiplier(df, cs$alpha, cs$power),
             mde_multiplier = multiplier(df, cs$alpha, cs$power) * sse,
             mde = exact_root(function(d) pw(d, cs$J, cs$n) - cs$power, 1e-9, 50),
             blocks = exact_root(function(J) pw(cs$es, J, cs$n) - cs$power, (cs$g1 + 1e-6) / (cs$n - 2) + 1e-9, 1e7),
             mrss_blocks = r$size, mrss_unrounded = r$unrounded))
})
write_fixture(bira, "power_blocked.json")

# ---------------------------------------------------------------------------------------------
# 6. Meta-analysis across cités (metafor::rma)
# ---------------------------------------------------------------------------------------------
set.seed(20240611)
make_meta <- function(k, mu, tau2, vmin, vmax) {
  vi <- runif(k, vmin, vmax)
  yi <- rnorm(k, mu, sqrt(vi + tau2))
  list(yi = yi, vi = vi)
}
datasets <- list()
datasets$tiny_k3 <- list(yi = c(0.12, 0.31, -0.05), vi = c(0.010, 0.022, 0.015))
datasets$k10 <- make_meta(10, 0.2, 0.01, 0.005, 0.04)
datasets$heterogeneous_k25 <- make_meta(25, 0.15, 0.08, 0.004, 0.06)
# Boundary: effects closer together than their sampling error (Q < k - 1) -> tau^2 = 0.
datasets$boundary_k6 <- list(yi = c(0.20, 0.22, 0.19, 0.21, 0.18, 0.23), vi = c(0.02, 0.03, 0.025, 0.015, 0.04, 0.02))
bcg <- escalc(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
datasets$bcg_k13 <- list(yi = as.numeric(bcg$yi), vi = as.numeric(bcg$vi))
datasets$two_studies_k2 <- list(yi = c(0.35, 0.05), vi = c(0.01, 0.012))

ctrl <- list(threshold = 1e-12, maxiter = 1000)
fit_summary <- function(fit) {
  pr <- predict(fit)
  list(beta = as.numeric(fit$beta), se = fit$se, zval = fit$zval, pval = fit$pval,
       ci_lb = fit$ci.lb, ci_ub = fit$ci.ub, tau2 = fit$tau2,
       se_tau2 = if (is.null(fit$se.tau2)) NA else fit$se.tau2,
       QE = fit$QE, QEp = fit$QEp, I2 = fit$I2, H2 = fit$H2,
       df = if (is.na(fit$ddf)) NA else fit$ddf,
       pi_lb = pr$pi.lb, pi_ub = pr$pi.ub, weights = as.numeric(weights(fit)),
       iterations = if (is.null(fit$iter)) NA else fit$iter)
}
meta <- lapply(names(datasets), function(nm) {
  d <- datasets[[nm]]
  fits <- list()
  fits$EE_z <- fit_summary(rma(d$yi, d$vi, method = "EE"))
  for (m in c("DL", "REML")) for (tst in c("z", "knha", "adhoc")) {
    fits[[paste0(m, "_", tst)]] <- fit_summary(rma(d$yi, d$vi, method = m, test = tst, control = ctrl))
  }
  fits$REML_z_level90 <- fit_summary(rma(d$yi, d$vi, method = "REML", level = 90, control = ctrl))
  list(name = nm, yi = d$yi, vi = d$vi, fits = fits)
})
write_fixture(meta, "meta_analysis.json")

# ---------------------------------------------------------------------------------------------
# 7. Bootstrap percentile rule (boot:::norm.inter as used by boot.ci(type = "perc"))
#    and a loose comparison of a cluster bootstrap of a mean (boot, R = 20000).
# ---------------------------------------------------------------------------------------------
set.seed(7)
perc <- lapply(list(list(R = 999, conf = 0.95), list(R = 500, conf = 0.95), list(R = 200, conf = 0.90),
                    list(R = 39, conf = 0.95), list(R = 20, conf = 0.95)),
               function(cs) {
                 t <- rexp(cs$R) + rnorm(cs$R)
                 q <- suppressWarnings(boot:::norm.inter(t, (1 + c(-cs$conf, cs$conf)) / 2))
                 c(cs, list(t = t, lower = q[1, 2], upper = q[2, 2]))
               })

set.seed(11)
G <- 30
sizes <- sample(5:15, G, replace = TRUE)
cluster <- rep(seq_len(G), sizes)
u <- rnorm(G, 0, sqrt(0.2))
y <- 1 + u[cluster] + rnorm(length(cluster), 0, sqrt(0.8))
clus_rows <- split(seq_along(y), cluster)
bfun <- function(ids, i) mean(y[unlist(clus_rows[ids[i]])])
b <- boot(seq_len(G), bfun, R = 20000)
bci <- boot.ci(b, type = "perc")
cluster_boot <- list(y = y, cluster = cluster, R = 20000, estimate = b$t0, se = sd(b$t[, 1]),
                     lower = bci$percent[4], upper = bci$percent[5])
write_fixture(list(percentile = perc, cluster_mean = cluster_boot), "bootstrap.json")

cat("fixtures written to", out_dir, "\n")
