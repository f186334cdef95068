# Reference values for the analyses of a three-group clustered protocol (src/ImpactEval.Analysis): the joint model
# (one fit on the three groups, the focal group as the factor's reference) under every variance option, and the pairwise
# model (one fit per contrast on the focal group and that comparison group only).
#
# Run from the worktree root:  Rscript tests/ImpactEval.Analysis.Tests/Reference/joint_models.R
# Writes tests/ImpactEval.Analysis.Tests/Fixtures/joint_models.json. Synthetic data from a fixed seed, written into the fixture.
#
# Each case gives, per contrast (BEN vs EAJE, BEN vs LOIN), the effect focal minus comparison = -coef("gEAJE") (or the
# odds ratio exp(-coef)), its SE, df, p-value and interval [-conf.high, -conf.low], exactly as an evaluator reads them off
#   lm_robust(y ~ g + y0 + x1 + x2, data, clusters = cl, se_type = ...)        (estimatr)
#   coef_test(lm(...), vcov = "CR0" | "CR1S" | "CR2", test = "Satterthwaite")  (clubSandwich)
#   lm_lin(y ~ g, covariates = ~ y0 + x1 + x2, clusters = cl)                  (estimatr, CR2)
#   clm(note ~ g + x1 + x2) with vcovCL(type = "HC1")                            (ordinal + sandwich: polr's model)
#   glm(oui ~ g + x1 + x2, binomial) with vcovCL(type = "HC1")                   (sandwich)
#   multinom(g ~ x1 + x2) ATT weights, then lm_robust(y ~ g, weights, clusters) (nnet + estimatr: WeightIt's recipe)

suppressPackageStartupMessages({
  library(estimatr)
  library(clubSandwich)
  library(sandwich)
  library(ordinal)
  library(nnet)
  library(jsonlite)
})

out <- file.path("tests", "ImpactEval.Analysis.Tests", "Fixtures", "joint_models.json")
versions <- list(R = R.version.string, estimatr = as.character(packageVersion("estimatr")),
                 clubSandwich = as.character(packageVersion("clubSandwich")), sandwich = as.character(packageVersion("sandwich")),
                 ordinal = as.character(packageVersion("ordinal")), nnet = as.character(packageVersion("nnet")))

set.seed(20260301)
sizes <- c(14, 18, 21, 24, 26, 28, 31, 33, 35, 38, 41, 51)
cl <- rep(sprintf("E%02d", seq_along(sizes)), sizes)
n <- length(cl)
g <- sample(c("BEN", "EAJE", "LOIN"), n, replace = TRUE, prob = c(0.38, 0.34, 0.28))
x1 <- round(rnorm(n, 36, 4), 1)
x2 <- as.integer(runif(n) < plogis(-0.2 + 0.8 * (g == "EAJE")))
u <- rnorm(length(sizes), 0, 1.2)[match(cl, unique(cl))]
y0 <- round(50 + 0.3 * (x1 - 36) + 2 * x2 + u + rnorm(n, 0, 5), 2)
y <- round(10 + 2.5 * (g == "BEN") - 1.5 * (g == "LOIN") + 0.6 * y0 + 0.2 * (x1 - 36) - 1.0 * x2 + u + rnorm(n, 0, 4 + 2 * (g == "LOIN")), 2)
note <- as.integer(cut(y + rnorm(n, 0, 3), quantile(y + rnorm(n, 0, 3), c(0, 0.25, 0.5, 0.75, 1)), include.lowest = TRUE, labels = FALSE))
note[is.na(note)] <- 4L
oui <- as.integer(runif(n) < plogis(-0.4 + 0.9 * (g == "BEN") + 0.05 * (x1 - 36) + 0.4 * u))
y[sample(n, 18)] <- NA
x1[sample(n, 9)] <- NA
d <- data.frame(y, y0, note, oui, g = factor(g, levels = c("BEN", "EAJE", "LOIN")), x1, x2, cl, stringsAsFactors = FALSE)

contrast_rows <- function(est, se, df, p, low, high, ratio = FALSE) {
  # est etc. are the coefficients of gEAJE and gLOIN (comparison minus focal).
  lapply(1:2, function(j) {
    if (ratio) list(comparison = c("EAJE", "LOIN")[j], estimate = exp(-est[j]), std_error = exp(-est[j]) * se[j], df = df[j], p_value = p[j],
                    conf_low = exp(-high[j]), conf_high = exp(-low[j]))
    else list(comparison = c("EAJE", "LOIN")[j], estimate = -est[j], std_error = se[j], df = df[j], p_value = p[j], conf_low = -high[j], conf_high = -low[j])
  })
}
from_lm_robust <- function(fit, terms = c("gEAJE", "gLOIN")) {
  contrast_rows(fit$coefficients[terms], fit$std.error[terms], fit$df[terms], fit$p.value[terms], fit$conf.low[terms], fit$conf.high[terms])
}
from_coef_test <- function(fit, vcov, data) {
  ct <- coef_test(fit, vcov = vcov, cluster = data$cl, test = "Satterthwaite")
  ci <- conf_int(fit, vcov = vcov, cluster = data$cl, test = "Satterthwaite", level = 0.95)
  i <- match(c("gEAJE", "gLOIN"), ct$Coef)
  contrast_rows(ct$beta[i], ct$SE[i], ct$df_Satt[i], ct$p_Satt[i], ci$CI_L[i], ci$CI_U[i])
}
from_vcov <- function(coefs, v, df, terms = c("gEAJE", "gLOIN"), ratio = TRUE) {
  b <- coefs[terms]; se <- sqrt(diag(v))[terms]
  q <- if (is.finite(df)) qt(0.975, df) else qnorm(0.975)
  p <- if (is.finite(df)) 2 * pt(-abs(b / se), df) else 2 * pnorm(-abs(b / se))
  contrast_rows(b, se, rep(df, 2), p, b - q * se, b + q * se, ratio = ratio)
}

f <- y ~ g + y0 + x1 + x2
cases <- list()
for (se in c("CR2", "stata", "CR0")) {
  cases[[paste0("joint_", se)]] <- from_lm_robust(lm_robust(f, data = d, clusters = cl, se_type = se))
}
for (se in c("HC2", "HC1", "HC0", "classical")) {
  cases[[paste0("joint_", se)]] <- from_lm_robust(lm_robust(f, data = d, se_type = se))
}
ols <- lm(f, data = d)
dd <- d[complete.cases(d[, c("y", "y0", "x1", "x2")]), ]
for (v in c("CR2", "CR1S", "CR0")) cases[[paste0("joint_", v, "_satterthwaite")]] <- from_coef_test(lm(f, data = dd), v, dd)
# CR2 standard errors on t(G - 1).
cr2 <- lm_robust(f, data = d, clusters = cl, se_type = "CR2")
G <- length(unique(dd$cl))
cases$joint_CR2_clusters <- from_vcov(coef(cr2), vcov(cr2), G - 1, ratio = FALSE)
# Pairwise: one fit per contrast on two groups.
pair <- function(comparison) {
  sub <- droplevels(d[d$g %in% c("BEN", comparison), ])
  fit <- lm_robust(f, data = sub, clusters = cl, se_type = "CR2")
  term <- paste0("g", comparison)
  list(comparison = comparison, estimate = -unname(fit$coefficients[term]), std_error = unname(fit$std.error[term]), df = unname(fit$df[term]),
       p_value = unname(fit$p.value[term]), conf_low = -unname(fit$conf.high[term]), conf_high = -unname(fit$conf.low[term]))
}
cases$pairwise_CR2 <- list(pair("EAJE"), pair("LOIN"))
# Lin's estimator on the three groups (covariates centred on the complete rows of all of them).
cases$joint_lin_CR2 <- from_lm_robust(lm_lin(y ~ g, covariates = ~ y0 + x1 + x2, data = d, clusters = cl, se_type = "CR2"))
# Ordered logit (clm: analytical Hessian) and logistic regression, CR1 on t(G - 1).
dn <- d[complete.cases(d[, c("note", "x1", "x2")]), ]
clm_fit <- clm(factor(note, levels = 1:4, ordered = TRUE) ~ g + x1 + x2, data = dn, link = "logit",
               control = clm.control(gradTol = 1e-12, relTol = 1e-14, maxIter = 200))
coefs <- c(clm_fit$beta, clm_fit$alpha)
cases$joint_ordered_CR1 <- from_vcov(coefs, vcovCL(clm_fit, cluster = dn$cl, type = "HC1"), length(unique(dn$cl)) - 1)
glm_fit <- glm(oui ~ g + x1 + x2, data = dn, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))
cases$joint_logistic_CR1 <- from_vcov(coef(glm_fit), vcovCL(glm_fit, cluster = dn$cl, type = "HC1"), length(unique(dn$cl)) - 1)
cases$joint_logistic_HC0 <- from_vcov(coef(glm_fit), vcovCL(glm_fit, cluster = seq_len(nrow(dn)), type = "HC0", cadjust = FALSE), Inf)
cases$joint_logistic_classical <- from_vcov(coef(glm_fit), vcov(glm_fit), Inf)
# Propensity weighting: multinomial model on every row with complete covariates, ATT weights for BEN.
dw <- d[complete.cases(d[, c("x1", "x2")]), ]
ps <- multinom(g ~ x1 + x2, data = dw, trace = FALSE, maxit = 1000, reltol = 1e-16, abstol = 1e-300)
p <- fitted(ps)
dw$w <- p[, "BEN"] / p[cbind(seq_len(nrow(dw)), match(as.character(dw$g), colnames(p)))]
cases$joint_weighting_CR2 <- from_lm_robust(lm_robust(y ~ g, data = dw, weights = w, clusters = cl, se_type = "CR2"))

# With "baseline: outcome" the outcome's baseline value enters the propensity model too (rows with it observed).
dwb <- d[complete.cases(d[, c("x1", "x2", "y0")]), ]
psb <- multinom(g ~ x1 + x2 + y0, data = dwb, trace = FALSE, maxit = 1000, reltol = 1e-16, abstol = 1e-300)
pb <- fitted(psb)
dwb$w <- pb[, "BEN"] / pb[cbind(seq_len(nrow(dwb)), match(as.character(dwb$g), colnames(pb)))]
cases$joint_weighting_baseline_CR2 <- from_lm_robust(lm_robust(y ~ g, data = dwb, weights = w, clusters = cl, se_type = "CR2"))

# Two-sample statistics (always pairwise). Wilcoxon: W and p of wilcox.test (ties: normal approximation with continuity
# correction), effect W / (n1 n2). Risk difference: p1 - p2, p of prop.test(correct = FALSE), Newcombe's interval (method 10)
# from the Wilson intervals of prop.test(x, n, correct = FALSE). Risk ratio: Katz's log interval.
two <- function(comparison, f) f(d[d$g == "BEN", ], d[d$g == comparison, ], comparison)
cases$pairwise_wilcoxon <- lapply(c("EAJE", "LOIN"), function(cmp) two(cmp, function(a, b, cmp) {
  x <- a$note[!is.na(a$y) | TRUE]; yv <- b$note
  t <- suppressWarnings(wilcox.test(x, yv, exact = FALSE, correct = TRUE))
  list(comparison = cmp, estimate = unname(t$statistic) / (length(x) * length(yv)), statistic = unname(t$statistic), p_value = t$p.value)
}))
cases$pairwise_risk_difference <- lapply(c("EAJE", "LOIN"), function(cmp) two(cmp, function(a, b, cmp) {
  x1n <- sum(a$oui); n1 <- nrow(a); x2n <- sum(b$oui); n2 <- nrow(b)
  p1 <- x1n / n1; p2 <- x2n / n2
  w1 <- prop.test(x1n, n1, correct = FALSE)$conf.int; w2 <- prop.test(x2n, n2, correct = FALSE)$conf.int
  dlt <- p1 - p2
  list(comparison = cmp, estimate = dlt, p_value = prop.test(c(x1n, x2n), c(n1, n2), correct = FALSE)$p.value,
       conf_low = dlt - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), conf_high = dlt + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2))
}))
cases$pairwise_risk_ratio <- lapply(c("EAJE", "LOIN"), function(cmp) two(cmp, function(a, b, cmp) {
  x1n <- sum(a$oui); n1 <- nrow(a); x2n <- sum(b$oui); n2 <- nrow(b)
  lrr <- log((x1n / n1) / (x2n / n2)); se <- sqrt(1 / x1n - 1 / n1 + 1 / x2n - 1 / n2)
  list(comparison = cmp, estimate = exp(lrr), std_error = se, p_value = 2 * pnorm(-abs(lrr / se)),
       conf_low = exp(lrr - qnorm(0.975) * se), conf_high = exp(lrr + qnorm(0.975) * se))
}))

writeLines(toJSON(list(versions = versions, data = d, cases = cases), digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE), out)
cat("joint_models.json written\n")
