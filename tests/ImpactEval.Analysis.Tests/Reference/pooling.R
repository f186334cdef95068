# Reference values for pooling a contrast across cités (src/ImpactEval.Analysis/National/Pooling.cs): 28 cités running
# the same protocol, 3 of them with a group below the secrecy threshold (5), so 25 are pooled with
#   metafor::rma(yi, sei = se, method = "REML", test = "knha")   (the default)
#   metafor::rma(yi, sei = se, method = "DL", test = "knha")
#   metafor::rma(yi, sei = se, method = "REML")                    (z test)
# on adjusted differences, and on odds ratios (log scale, SE from the 95 % interval on t(7) as the cités' CR1 intervals).
#
# Run from the worktree root:  Rscript tests/ImpactEval.Analysis.Tests/Reference/pooling.R
# Writes tests/ImpactEval.Analysis.Tests/Fixtures/pooling.json. Synthetic cités from a fixed seed, written into the fixture.

suppressPackageStartupMessages({ library(metafor); library(jsonlite) })
out <- file.path("tests", "ImpactEval.Analysis.Tests", "Fixtures", "pooling.json")
set.seed(20260315)
k <- 28
cites <- data.frame(code = sprintf("CE-%03d-01", seq_len(k)), focal_n = sample(40:160, k, TRUE), comparison_n = sample(40:180, k, TRUE))
cites$focal_n[c(5, 17)] <- c(3, 4)          # below the threshold of 5: not published, not pooled
cites$comparison_n[22] <- 2
se <- round(sqrt(0.9 / cites$focal_n + 0.9 / cites$comparison_n), 6)
effect <- round(rnorm(k, 0.25, sqrt(0.03 + se^2)), 6)
df <- round(runif(k, 5, 30), 3)             # Bell-McCaffrey df of each cité's CR2 interval
q <- qt(0.975, df)
cites$estimate <- effect; cites$std_error <- se; cites$df <- df
cites$conf_low <- effect - q * se; cites$conf_high <- effect + q * se
# Odds ratios with CR1 intervals on t(7) (8 schools).
lor <- round(rnorm(k, log(1.4), sqrt(0.05 + se^2)), 6)
q7 <- qt(0.975, 7)
cites$or <- exp(lor); cites$or_low <- exp(lor - q7 * se); cites$or_high <- exp(lor + q7 * se)

pooled <- cites$focal_n >= 5 & cites$comparison_n >= 5
p <- cites[pooled, ]
summary_of <- function(fit, exponentiate = FALSE) {
  pr <- predict(fit)
  tr <- if (exponentiate) exp else identity
  list(estimate = tr(as.numeric(fit$beta)), se = fit$se, statistic = fit$zval, df = if (is.null(fit$ddf) || is.na(fit$ddf)) NA else fit$ddf,
       p_value = fit$pval, conf_low = tr(fit$ci.lb), conf_high = tr(fit$ci.ub), tau2 = fit$tau2, i2 = fit$I2, h2 = fit$H2, q = fit$QE, q_p = fit$QEp,
       pi_low = tr(pr$pi.lb), pi_high = tr(pr$pi.ub), weights = as.numeric(weights(fit)), k = fit$k)
}
ctrl <- list(threshold = 1e-12, maxiter = 1000)
fits <- list(
  reml_knha = summary_of(rma(p$estimate, sei = p$std_error, method = "REML", test = "knha", control = ctrl)),
  dl_knha = summary_of(rma(p$estimate, sei = p$std_error, method = "DL", test = "knha")),
  reml_z = summary_of(rma(p$estimate, sei = p$std_error, method = "REML", control = ctrl)),
  or_reml_knha = summary_of(rma(log(p$or), sei = (log(p$or_high) - log(p$or_low)) / (2 * q7), method = "REML", test = "knha", control = ctrl), exponentiate = TRUE)
)
writeLines(toJSON(list(versions = list(R = R.version.string, metafor = as.character(packageVersion("metafor"))), threshold = 5, cites = cites, fits = fits),
                  digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE), out)
cat("pooling.json written\n")
