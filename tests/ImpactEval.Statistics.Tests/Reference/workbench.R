# Reference values for the evaluator's workbench options in src/ImpactEval.Statistics:
# - Satterthwaite degrees of freedom of CR0 and CR1 (clubSandwich::coef_test(test = "Satterthwaite")) and CR2 with G - 1 df;
# - sandwich variances of likelihood models: glm(binomial) and ordinal::clm (polr's model) with vcovCL(type = "HC0", cadjust = FALSE) (CR0),
#   vcovCL(type = "HC1") (CR1), and per-row HC0 / HC1 (vcovCL with one cluster per row);
# - E-values (VanderWeele & Ding 2017) of risk ratios, odds ratios and standardised differences, from the paper's formulas.
#
# Run from the worktree root:  Rscript tests/ImpactEval.Statistics.Tests/Reference/workbench.R
# Writes tests/ImpactEval.Statistics.Tests/Fixtures/workbench/{variance_options,likelihood_sandwich,evalues}.json
# Synthetic data from a fixed seed, written into the fixtures. Versions used are written into each fixture.

suppressPackageStartupMessages({
  library(estimatr)
  library(sandwich)
  library(clubSandwich)
  library(MASS)
  library(ordinal)
  library(jsonlite)
})

out_dir <- file.path("tests", "ImpactEval.Statistics.Tests", "Fixtures", "workbench")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)
versions <- list(R = R.version.string, ordinal = as.character(packageVersion("ordinal")), estimatr = as.character(packageVersion("estimatr")),
                 sandwich = as.character(packageVersion("sandwich")), clubSandwich = as.character(packageVersion("clubSandwich")),
                 MASS = as.character(packageVersion("MASS")))
write_fixture <- function(x, name) {
  writeLines(toJSON(c(list(versions = versions), x), digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE),
             file.path(out_dir, name))
}

# Three groups in 9 schools of unequal sizes, a continuous covariate, a binary and an ordinal outcome.
set.seed(20260214)
sizes <- c(6, 9, 11, 14, 17, 20, 23, 27, 33)
cl <- rep(seq_along(sizes), sizes)
n <- length(cl)
g <- sample(c("BEN", "EAJE", "LOIN"), n, replace = TRUE, prob = c(0.4, 0.35, 0.25))
x <- round(rnorm(n, 36, 4), 1)
u <- rnorm(length(sizes), 0, 0.5)[cl]
y <- round(2 + 0.4 * (g == "BEN") - 0.2 * (g == "LOIN") + 0.05 * (x - 36) + u + rnorm(n), 4)
b <- as.integer(runif(n) < plogis(-0.3 + 0.6 * (g == "BEN") + 0.08 * (x - 36) + u))
ystar <- y + rnorm(n, 0, 0.5)
o <- cut(ystar, quantile(ystar, c(0, 0.2, 0.5, 0.8, 1)), include.lowest = TRUE, labels = FALSE)
stopifnot(!anyNA(o))
d <- data.frame(y, b, o, g = factor(g), x, cl)

tidy_lm <- function(fit) list(term = names(coef(fit)), estimate = unname(coef(fit)), std_error = unname(fit$std.error),
                              df = unname(fit$df), p_value = unname(fit$p.value), conf_low = unname(fit$conf.low), conf_high = unname(fit$conf.high))
tidy_ct <- function(fit, vcov) {
  ct <- coef_test(fit, vcov = vcov, cluster = d$cl, test = "Satterthwaite")
  ci <- conf_int(fit, vcov = vcov, cluster = d$cl, test = "Satterthwaite", level = 0.95)
  list(term = as.character(ct$Coef), estimate = unname(ct$beta), std_error = unname(ct$SE), df = unname(ct$df_Satt),
       p_value = unname(ct$p_Satt), conf_low = unname(ci$CI_L), conf_high = unname(ci$CI_U))
}
fit <- lm(y ~ g + x, data = d)
cases <- list(
  CR0_clusters = tidy_lm(lm_robust(y ~ g + x, data = d, clusters = cl, se_type = "CR0")),
  CR1_clusters = tidy_lm(lm_robust(y ~ g + x, data = d, clusters = cl, se_type = "stata")),
  CR2_bell_mccaffrey = tidy_lm(lm_robust(y ~ g + x, data = d, clusters = cl, se_type = "CR2")),
  CR0_satterthwaite = tidy_ct(fit, "CR0"),
  CR1_satterthwaite = tidy_ct(fit, "CR1S"),
  CR2_satterthwaite = tidy_ct(fit, "CR2")
)
# CR2 with G - 1 df: estimatr's CR2 standard errors on t(G - 1).
cr2 <- lm_robust(y ~ g + x, data = d, clusters = cl, se_type = "CR2")
G <- length(unique(cl)); q <- qt(0.975, G - 1)
cases$CR2_clusters <- list(term = names(coef(cr2)), estimate = unname(coef(cr2)), std_error = unname(cr2$std.error), df = rep(G - 1, length(coef(cr2))),
                           p_value = unname(2 * pt(-abs(coef(cr2) / cr2$std.error), G - 1)),
                           conf_low = unname(coef(cr2) - q * cr2$std.error), conf_high = unname(coef(cr2) + q * cr2$std.error))
write_fixture(list(data = d[, c("y", "g", "x", "cl")], cases = cases), "variance_options.json")

# Likelihood models.
sw <- function(fit, type) {
  v <- switch(type,
    CR0 = vcovCL(fit, cluster = d$cl, type = "HC0", cadjust = FALSE),
    CR1 = vcovCL(fit, cluster = d$cl, type = "HC1"),
    HC0 = vcovCL(fit, cluster = seq_len(n), type = "HC0", cadjust = FALSE),
    HC1 = vcovCL(fit, cluster = seq_len(n), type = "HC1"))
  list(names = rownames(v), se = unname(sqrt(diag(v))))
}
glm_fit <- glm(b ~ g + x, data = d, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
stopifnot(max(abs(sw(glm_fit, "HC0")$se - sqrt(diag(vcovHC(glm_fit, type = "HC0"))))) < 1e-10,
          max(abs(sw(glm_fit, "HC1")$se - sqrt(diag(vcovHC(glm_fit, type = "HC1"))))) < 1e-10)
# ordinal::clm has the analytical Hessian (polr's is numerical, about 1e-5 off); polr is the cross-check of the estimates.
polr_fit <- clm(factor(o, levels = 1:4, ordered = TRUE) ~ g + x, data = d, link = "logit",
                control = clm.control(gradTol = 1e-12, relTol = 1e-14, maxIter = 200))
polr_check <- polr(factor(o, levels = 1:4, ordered = TRUE) ~ g + x, data = d, Hess = TRUE, method = "logistic",
                   control = list(reltol = 1e-14, maxit = 1000))
stopifnot(max(abs(coef(polr_check) - polr_fit$beta)) < 1e-5)
lik <- list(
  logistic = list(coefficients = unname(coef(glm_fit)), names = names(coef(glm_fit)),
                  CR0 = sw(glm_fit, "CR0"), CR1 = sw(glm_fit, "CR1"), HC0 = sw(glm_fit, "HC0"), HC1 = sw(glm_fit, "HC1")),
  ordered = list(coefficients = unname(polr_fit$beta), zeta = unname(polr_fit$alpha), names = names(coef(polr_fit)),
                 CR0 = sw(polr_fit, "CR0"), CR1 = sw(polr_fit, "CR1"), HC0 = sw(polr_fit, "HC0"), HC1 = sw(polr_fit, "HC1")),
  data = d[, c("b", "o", "g", "x", "cl")])
write_fixture(lik, "likelihood_sandwich.json")

# E-values, by the formulas of VanderWeele & Ding (2017): E = RR + sqrt(RR (RR - 1)), 1/RR below 1; the limit closest to 1
# (1 when the interval contains 1); OR -> sqrt(OR) for a common outcome (> 15 %); SMD d -> exp(0.91 d), limits exp(0.91 (d -+ q SE)).
ev <- function(rr) { rr <- ifelse(rr < 1, 1 / rr, rr); rr + sqrt(rr * (rr - 1)) }
ev_ci <- function(rr, lo, hi) if (lo <= 1 && hi >= 1) 1 else if (rr >= 1) ev(lo) else ev(hi)
rr_cases <- list(list(rr = 3.9, lo = 1.8, hi = 8.7), list(rr = 0.8, lo = 0.71, hi = 0.91), list(rr = 1.2, lo = 0.9, hi = 1.6))
rr_cases <- lapply(rr_cases, function(c) c(c, list(point = ev(c$rr), limit = ev_ci(c$rr, c$lo, c$hi))))
or_cases <- list(list(or = 2.5, lo = 1.4, hi = 4.4, prevalence = 0.4), list(or = 0.6, lo = 0.4, hi = 0.9, prevalence = 0.05))
or_cases <- lapply(or_cases, function(c) {
  t <- if (c$prevalence > 0.15) sqrt else identity
  c(c, list(point = ev(t(c$or)), limit = ev_ci(t(c$or), t(c$lo), t(c$hi))))
})
smd_cases <- list(list(d = 0.35, se = 0.12, level = 0.95), list(d = -0.2, se = 0.15, level = 0.95), list(d = 0.5, se = 0.1, level = 0.9))
smd_cases <- lapply(smd_cases, function(c) {
  q <- qnorm(1 - (1 - c$level) / 2)
  rr <- exp(0.91 * c$d); lo <- exp(0.91 * (c$d - q * c$se)); hi <- exp(0.91 * (c$d + q * c$se))
  c(c, list(point = ev(rr), limit = ev_ci(rr, lo, hi)))
})
write_fixture(list(risk_ratios = rr_cases, odds_ratios = or_cases, standardised = smd_cases), "evalues.json")
cat("workbench fixtures written\n")
