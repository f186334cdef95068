# Reference values for src/ImpactEval.Statistics/{Models,Weighting,Balance,Attrition}.
# Run from the worktree root:  Rscript tests/ImpactEval.Statistics.Tests/Reference/models.R
# Writes JSON fixtures (inputs + expected values) to tests/ImpactEval.Statistics.Tests/Fixtures/models/.
#
# Versions used to generate the committed fixtures:
#   R 4.2.2 Patched (2022-11-10 r83330), Debian 12
#   MASS 7.3-58.2, ordinal 2022.11.16, nnet 7.3-18, VGAM 1.1-7, sandwich 3.0-2, jsonlite 1.8.4
#
# Iterative fits use tight convergence so that the C# code can be compared at 1e-6:
#   glm(control = glm.control(epsilon = 1e-14, maxit = 100)),
#   ordinal::clm(control = clm.control(gradTol = 1e-12, relTol = 1e-14, maxIter = 200)),
#   VGAM::vglm(multinomial, epsilon = 1e-15) as the multinomial reference, with
#   nnet::multinom(reltol = 1e-16, maxit = 5000) coefficients as a cross-check (they agree to ~4e-8).
# WeightIt and cobalt are not installed: ATT weights, weight diagnostics and balance statistics are
# computed here by hand from their documented formulas (WeightIt get_w_from_ps / summary.weightit;
# cobalt col_w_mean / col_w_sd / col_w_smd / col_w_vr), from fitted values of the models above.

suppressPackageStartupMessages({
  library(jsonlite); library(MASS); library(ordinal); library(nnet); library(sandwich); library(VGAM)
})
out_dir <- "tests/ImpactEval.Statistics.Tests/Fixtures/models"
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)
save_json <- function(x, name) {
  write_json(x, file.path(out_dir, name), digits = NA, auto_unbox = TRUE, na = "null", pretty = TRUE)
}
cat(R.version.string, "\n")
for (p in c("MASS", "ordinal", "nnet", "VGAM", "sandwich", "jsonlite")) cat(p, as.character(packageVersion(p)), "\n")

# ---------------------------------------------------------------------------------------------
# 1. Logistic regression
# ---------------------------------------------------------------------------------------------
# Fits with aliasing decided as lm/qr does (tol 1e-7 on sqrt(w) X), then a tight glm on the
# retained columns (glm with epsilon 1e-14 would otherwise not detect exact collinearity).
logit_case <- function(name, y, X, w = NULL, note = "", cluster = NULL) {
  n <- length(y)
  Xf <- cbind("(Intercept)" = 1, X)
  ww <- if (is.null(w)) rep(1, n) else w
  ok <- complete.cases(y, Xf, ww)
  q <- qr(Xf[ok, , drop = FALSE] * sqrt(ww[ok]), tol = 1e-7)
  keep <- sort(q$pivot[seq_len(q$rank)])
  Xk <- Xf[, keep, drop = FALSE]
  fit <- glm(y ~ 0 + Xk, family = binomial, weights = ww, na.action = na.exclude,
             control = glm.control(epsilon = 1e-14, maxit = 100))
  fit_default <- suppressWarnings(glm(y ~ 0 + Xk, family = binomial, weights = ww, na.action = na.exclude))
  s <- summary(fit)$coefficients
  # sandwich counts zero-weight rows in the meat's n but not in the bread's (a factor ((n-n0)/n)^2);
  # the C# code ignores zero-weight rows entirely, so the reference HC0 comes from the fit without them.
  fit_pos <- glm(y ~ 0 + Xk, family = binomial, weights = ww, subset = ww > 0,
                 control = glm.control(epsilon = 1e-14, maxit = 100))
  hc0 <- sqrt(diag(vcovHC(fit_pos, type = "HC0")))
  # Cluster-robust CR1 (vcovCL, HC1: G/(G-1) * (n-1)/(n-k)); the cluster of each row the fit used.
  cr1 <- if (is.null(cluster)) NULL else sqrt(diag(vcovCL(fit_pos, cluster = cluster[ok & ww > 0], type = "HC1")))
  null_fit <- glm(y ~ 1, family = binomial, weights = ww, subset = ok,
                  control = glm.control(epsilon = 1e-14, maxit = 100))
  ci <- confint.default(fit)
  p <- ncol(Xf)
  full <- function(v) { r <- rep(NA_real_, p); r[keep] <- v; r }
  list(
    name = name, note = note,
    y = y, x = lapply(seq_len(ncol(X)), function(j) X[, j]), x_names = colnames(X),
    weights = if (is.null(w)) NULL else w,
    terms = colnames(Xf),
    estimate = full(s[, 1]), se = full(s[, 2]), z = full(s[, 3]), p = full(s[, 4]),
    ci_lower = full(ci[, 1]), ci_upper = full(ci[, 2]),
    se_hc0 = full(hc0),
    cluster = cluster, se_cr1 = if (is.null(cr1)) NULL else full(cr1),
    odds_ratio = full(exp(s[, 1])), or_lower = full(exp(ci[, 1])), or_upper = full(exp(ci[, 2])),
    deviance = deviance(fit), null_deviance = deviance(null_fit), aic = suppressWarnings(AIC(fit)),
    rank = fit$rank, n = sum(ww[ok] > 0),
    iterations_default_epsilon = fit_default$iter,
    fitted = as.numeric(fitted(fit))
  )
}

set.seed(20240611)
# L1: PasserelleS-like propensity-type model, 3 unequal groups, baseline score, binary covariate.
n <- 180
grp <- sample(0:2, n, replace = TRUE, prob = c(0.25, 0.45, 0.30))
score0 <- round(rnorm(n, 2.5, 0.8), 1)
allophone <- rbinom(n, 1, 0.35)
eta <- -0.4 + 0.6 * (grp == 1) - 0.3 * (grp == 2) + 0.5 * (score0 - 2.5) + 0.4 * allophone
y1 <- rbinom(n, 1, plogis(eta))
y1[c(5, 17)] <- NA; score0[40] <- NA
X1 <- cbind("score_initial" = score0, "groupe[CRECHE]" = as.numeric(grp == 1),
            "groupe[ELOIGNE]" = as.numeric(grp == 2), "allophone" = allophone)
L1 <- logit_case("passerelles_three_groups", y1, X1, note = "180 families, 3 unequal groups, 3 missing rows, 8 schools",
                 cluster = seq_len(180) %% 8 + 1)

# L2: small n (24) with ties in the covariate.
n <- 24
xs <- rep(c(1, 2, 2, 3, 3, 4), 4)
bs <- rep(c(0, 1), 12)
y2 <- c(0,0,1,0,1,1, 0,1,0,1,1,1, 0,0,0,1,0,1, 1,0,1,0,1,1)
L2 <- logit_case("small_n_ties", y2, cbind(x = xs, b = bs), note = "n = 24, tied covariate values, 6 classes",
                 cluster = rep(1:6, each = 4))

# L3: collinear covariate (x3 = x1 + 2 x2) -> NA like R.
n <- 120
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.5); x3 <- x1 + 2 * x2
y3 <- rbinom(n, 1, plogis(0.2 + 0.8 * x1 - 0.5 * x2))
L3 <- logit_case("collinear", y3, cbind(x1 = x1, x2 = x2, x3 = x3), note = "x3 = x1 + 2 x2 is aliased")

# L4: rare outcome (about 5 %).
n <- 400
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.3)
y4 <- rbinom(n, 1, plogis(-3.2 + 0.7 * x1 + 0.6 * x2))
L4 <- logit_case("rare_outcome", y4, cbind(x1 = x1, x2 = x2), note = paste("events:", sum(y4)))

# L5: non-integer prior weights (and a zero weight).
n <- 90
x1 <- rnorm(n); g <- rbinom(n, 1, 0.4)
y5 <- rbinom(n, 1, plogis(-0.3 + 0.9 * x1 + 0.5 * g))
w5 <- round(runif(n, 0.2, 3), 3); w5[7] <- 0
L5 <- logit_case("prior_weights", y5, cbind(x1 = x1, g = g), w = w5, note = "non-integer weights, one zero weight")

save_json(list(cases = list(L1, L2, L3, L4, L5)), "logistic.json")
cat("logistic done\n")

# ---------------------------------------------------------------------------------------------
# 2. Proportional-odds (ordered logit): ordinal::clm with tight control; polr as a cross-check.
#    logit P(Y <= k) = zeta_k - x'beta in both.
# ---------------------------------------------------------------------------------------------
ordinal_case <- function(name, y, levels, X, w = NULL, newx = NULL, note = "", cluster = NULL) {
  n <- length(y)
  ww <- if (is.null(w)) rep(1, n) else w
  Xf <- cbind("(Intercept)" = 1, X)
  ok <- complete.cases(y, Xf, ww)
  q <- qr(Xf[ok, , drop = FALSE] * sqrt(ww[ok]), tol = 1e-7)
  keep <- sort(q$pivot[seq_len(q$rank)])
  keepx <- setdiff(keep, 1) - 1
  d <- data.frame(y = factor(y, levels = seq_along(levels) - 1, labels = levels, ordered = TRUE))
  Xk <- X[, keepx, drop = FALSE]
  d$Xk <- Xk; d$ww <- ww
  fit <- clm(y ~ Xk, data = d, weights = ww, link = "logit",
             control = clm.control(gradTol = 1e-12, relTol = 1e-14, maxIter = 200))
  fitp <- polr(y ~ Xk, data = d, weights = ww, method = "logistic", Hess = TRUE,
               control = list(reltol = 1e-14, maxit = 1000))
  V <- vcov(fit)
  # Cluster-robust CR1 of the slopes (vcovCL, HC1: G/(G-1) * (n-1)/(n-k), k counting the thresholds).
  cr1 <- if (is.null(cluster)) NULL else sqrt(diag(vcovCL(fit, cluster = cluster[ok], type = "HC1")))
  est <- coef(fit); se <- sqrt(diag(V))
  z <- est / se; pv <- 2 * pnorm(-abs(z)); crit <- qnorm(0.975)
  K <- length(levels); nth <- K - 1
  p <- ncol(X)
  full <- function(v) { r <- rep(NA_real_, p); r[keepx] <- v; r }
  b <- est[-(1:nth)]
  preds <- NULL
  if (!is.null(newx)) {
    preds <- lapply(seq_len(nrow(newx)), function(i) {
      eta <- sum(newx[i, keepx] * b)
      cum <- plogis(est[1:nth] - eta)
      list(x = I(newx[i, ]), probs = I(diff(c(0, cum, 1))))
    })
    # cross-check with predict.polr
    pp <- predict(fitp, newdata = data.frame(Xk = I(newx[, keepx, drop = FALSE])), type = "probs")
    stopifnot(max(abs(pp - t(sapply(preds, function(z) z$probs)))) < 1e-6)
  }
  stopifnot(max(abs(coef(fitp) - b)) < 1e-6, max(abs(fitp$zeta - est[1:nth])) < 1e-6)
  list(
    name = name, note = note, y = I(ifelse(is.na(y), -1, y)), levels = I(levels),
    x = lapply(seq_len(ncol(X)), function(j) I(X[, j])), x_names = I(colnames(X)),
    weights = if (is.null(w)) NULL else w,
    threshold_names = I(names(fitp$zeta)),
    zeta = I(unname(est[1:nth])), zeta_se = I(unname(se[1:nth])), zeta_z = I(unname(z[1:nth])), zeta_p = I(unname(pv[1:nth])),
    beta = I(full(b)), beta_se = I(full(se[-(1:nth)])), beta_z = I(full(z[-(1:nth)])), beta_p = I(full(pv[-(1:nth)])),
    beta_lower = I(full(b - crit * se[-(1:nth)])), beta_upper = I(full(b + crit * se[-(1:nth)])),
    cluster = cluster, beta_se_cr1 = if (is.null(cr1)) NULL else I(full(cr1[-(1:nth)])),
    polr_beta = I(full(coef(fitp))), polr_se = I(full(sqrt(diag(vcov(fitp)))[seq_along(b)])),
    deviance = -2 * as.numeric(logLik(fit)), aic = AIC(fit), n = sum(ww[ok] > 0),
    predictions = preds
  )
}

set.seed(20240612)
# O1: 4-level teacher rating at follow-up, baseline rating, 3 groups (2 indicators), 8 schools.
n <- 240
grp <- sample(0:2, n, replace = TRUE, prob = c(0.3, 0.4, 0.3))
school <- sample(1:8, n, replace = TRUE)
base <- sample(1:4, n, replace = TRUE, prob = c(0.2, 0.35, 0.3, 0.15))
lat <- 0.9 * base + 0.7 * (grp == 0) - 0.2 * (grp == 2) + rnorm(8, 0, 0.3)[school] + rlogis(n)
yo <- as.integer(cut(lat, c(-Inf, 1.5, 2.8, 4.0, Inf))) - 1
yo[c(3, 50)] <- NA; base[77] <- NA
Xs <- sapply(2:8, function(s) as.numeric(school == s)); colnames(Xs) <- paste0("ecole[", 2:8, "]")
X1 <- cbind("note_initiale" = base, "groupe[CRECHE]" = as.numeric(grp == 1), "groupe[ELOIGNE]" = as.numeric(grp == 2), Xs)
newx1 <- rbind(c(2, 0, 0, rep(0, 7)), c(3, 1, 0, rep(0, 7)), c(1, 0, 1, 0, 0, 1, 0, 0, 0, 0))
O1 <- ordinal_case("passerelles_rating", yo, c("1", "2", "3", "4"), X1, newx = newx1,
                   note = "240 families, 4-level rating, baseline, 3 groups, 8 schools", cluster = school)

# O2: small n (30), 3 levels, tied covariate.
xo <- rep(c(0, 1, 1, 2, 3), 6)
yo2 <- c(0,0,1,1,2, 0,1,0,2,2, 0,0,1,2,1, 1,0,1,1,2, 0,1,2,1,2, 0,0,0,2,1)
O2 <- ordinal_case("small_n_three_levels", yo2, c("faible", "moyen", "fort"), cbind(x = xo),
                   newx = rbind(0, 2), note = "n = 30, ties, 6 classes", cluster = rep(1:6, each = 5))

# O3: collinear covariate (x3 = 2 x1 - x2).
n <- 150
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.5); x3 <- 2 * x1 - x2
yo3 <- as.integer(cut(0.8 * x1 + 0.5 * x2 + rlogis(n), c(-Inf, -1, 0.3, 1.5, Inf))) - 1
O3 <- ordinal_case("collinear", yo3, c("A", "B", "C", "D"), cbind(x1 = x1, x2 = x2, x3 = x3),
                   newx = rbind(c(0.5, 1, 0)), note = "x3 = 2 x1 - x2 aliased")

# O4: rare top level (about 4 %) and weights.
n <- 300
x1 <- rnorm(n); g <- rbinom(n, 1, 0.4)
yo4 <- as.integer(cut(0.6 * x1 + 0.5 * g + rlogis(n), c(-Inf, -0.5, 1.2, 3.6, Inf))) - 1
w4 <- round(runif(n, 0.5, 2), 2)
O4 <- ordinal_case("rare_top_level_weighted", yo4, c("1", "2", "3", "4"), cbind(x1 = x1, g = g), w = w4,
                   newx = rbind(c(1, 1)), note = paste("top level count:", sum(yo4 == 3)))

save_json(list(cases = list(O1, O2, O3, O4)), "ordinal.json")
cat("ordinal done\n")

# ---------------------------------------------------------------------------------------------
# 3. Multinomial propensity model (VGAM::vglm multinomial(refLevel = 1), nnet::multinom as a
#    cross-check), ATT weights (WeightIt convention), weight diagnostics (summary.weightit) and
#    overlap of s = p_focal / (p_focal + p_g) (min-max common support).
# ---------------------------------------------------------------------------------------------
# (Outside the support means beyond the interval by more than 1e-10, so that tied scores that differ
# only by rounding noise count as inside.)
att_weights <- function(P, g, focal) {            # P: n x G, g: 0-based codes
  own <- P[cbind(seq_along(g), g + 1)]
  ifelse(g == focal, 1, P[, focal + 1] / own)     # = (1/p_own) * p_focal, WeightIt get_w_from_ps
}
weight_summary <- function(w, g, labels, top = 5) {
  lapply(seq_along(labels) - 1, function(k) {
    wk <- w[g == k]; idx <- which(g == k) - 1
    o <- order(abs(wk), decreasing = TRUE)[seq_len(min(top, length(wk)))]
    list(group = labels[k + 1], n = length(wk), sum = sum(wk), ess = sum(wk)^2 / sum(wk^2),
         min_positive = min(wk[wk != 0]), max = max(wk), cv = sd(wk) / mean(wk), zeros = sum(wk == 0),
         top_rows = I(idx[o]), top_weights = I(wk[o]))
  })
}
overlap <- function(P, g, labels, focal) {
  lapply(setdiff(seq_along(labels) - 1, focal), function(k) {
    sel <- g %in% c(focal, k)
    s <- P[sel, focal + 1] / (P[sel, focal + 1] + P[sel, k + 1]); gg <- g[sel]
    sf <- s[gg == focal]; sc <- s[gg == k]
    lo <- max(min(sf), min(sc)); hi <- min(max(sf), max(sc))
    list(comparison = labels[k + 1], focal_min = min(sf), focal_max = max(sf), comp_min = min(sc), comp_max = max(sc),
         lower = lo, upper = hi, focal_outside = sum(sf < lo - 1e-10 | sf > hi + 1e-10), comp_outside = sum(sc < lo - 1e-10 | sc > hi + 1e-10))
  })
}
multinom_case <- function(name, g, labels, X, focal = 0, note = "") {
  n <- length(g)
  Xf <- cbind("(Intercept)" = 1, X)
  ok <- complete.cases(g, Xf)
  q <- qr(Xf[ok, , drop = FALSE], tol = 1e-7)
  keep <- sort(q$pivot[seq_len(q$rank)])
  Xk <- X[, setdiff(keep, 1) - 1, drop = FALSE]
  d <- data.frame(g = factor(g, levels = seq_along(labels) - 1)); d$Xk <- Xk
  v <- vglm(g ~ Xk, multinomial(refLevel = 1), data = d, control = vglm.control(epsilon = 1e-15, maxit = 200))
  mn <- multinom(g ~ Xk, data = d, reltol = 1e-16, maxit = 5000, trace = FALSE)
  G <- length(labels); p <- ncol(Xf); pk <- length(keep)
  B <- matrix(coef(v), nrow = G - 1)               # VGAM orders coefficients term-major
  S <- matrix(sqrt(diag(vcov(v))), nrow = G - 1)
  stopifnot(max(abs(B - coef(mn))) < 1e-6)
  full <- function(row) { r <- rep(NA_real_, p); r[keep] <- row; r }
  P <- matrix(NA_real_, n, G); P[ok, ] <- fitted(v)
  eqs <- lapply(seq_len(G - 1), function(j) list(group = labels[j + 1], estimate = I(full(B[j, ])), se = I(full(S[j, ])),
                                                 nnet_estimate = I(full(coef(mn)[j, ]))))
  out <- list(name = name, note = note, group = I(ifelse(is.na(g), -1, g)), labels = I(labels),
              x = lapply(seq_len(ncol(X)), function(j) I(X[, j])), x_names = I(colnames(X)), terms = I(colnames(Xf)),
              equations = eqs, deviance = deviance(v), aic = 2 * as.numeric(-logLik(v)) + 2 * pk * (G - 1),
              n = sum(ok), fitted = lapply(seq_len(n), function(i) I(P[i, ])), focal = focal)
  if (all(ok)) {
    w <- att_weights(P, g, focal)
    out$att_weights <- I(w)
    out$weight_summary <- weight_summary(w, g, labels)
    out$overlap <- overlap(P, g, labels, focal)
  }
  out
}

set.seed(20240613)
# M1: PasserelleS: focal beneficiaries (25 %), childcare (45 %), far from childcare (30 %).
n <- 210
age <- round(runif(n, 24, 35))
allo <- rbinom(n, 1, 0.4); low_inc <- rbinom(n, 1, 0.5)
e1 <- 0.9 - 0.05 * (age - 30) - 0.6 * allo - 0.8 * low_inc
e2 <- 0.2 + 0.03 * (age - 30) + 0.3 * allo + 0.4 * low_inc
Pm <- cbind(1, exp(e1), exp(e2)); Pm <- Pm / rowSums(Pm)
gm <- apply(Pm, 1, function(pr) sample(0:2, 1, prob = pr))
M1 <- multinom_case("passerelles_three_groups", gm, c("BEN", "CRECHE", "ELOIGNE"),
                    cbind(age_mois = age, allophone = allo, revenu_faible = low_inc), focal = 0,
                    note = paste("group sizes:", paste(table(gm), collapse = "/")))
# M1b: same data, focal = the third group (weights p_focal / p_own with focal != reference).
M1b <- multinom_case("passerelles_focal_third_group", gm, c("BEN", "CRECHE", "ELOIGNE"),
                     cbind(age_mois = age, allophone = allo, revenu_faible = low_inc), focal = 2)

# M2: small n (30), ties.
xm <- rep(c(1, 2, 2, 3, 4, 4), 5)
gm2 <- c(0,1,2,0,1,2, 1,0,2,2,1,0, 0,0,1,2,2,1, 0,1,1,2,0,2, 1,0,2,1,2,2)
M2 <- multinom_case("small_n", gm2, c("A", "B", "C"), cbind(x = xm), note = "n = 30")

# M3: collinear covariate, with two missing rows (no weights computed).
n <- 160
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.5); x3 <- x1 - 3 * x2
Pm3 <- cbind(1, exp(0.3 + 0.7 * x1), exp(-0.2 + 0.5 * x2)); Pm3 <- Pm3 / rowSums(Pm3)
gm3 <- apply(Pm3, 1, function(pr) sample(0:2, 1, prob = pr)); x1[c(9, 99)] <- NA; x3[c(9, 99)] <- NA
M3 <- multinom_case("collinear_missing", gm3, c("F", "C1", "C2"), cbind(x1 = x1, x2 = x2, x3 = x3), note = "x3 aliased, 2 missing rows")

# M4: rare group (about 7 %), 4 groups.
n <- 260
x1 <- rnorm(n); x2 <- rbinom(n, 1, 0.3)
Pm4 <- cbind(1, exp(0.2 + 0.4 * x1), exp(-2.3 + 0.5 * x2), exp(0.1 - 0.3 * x1 + 0.3 * x2)); Pm4 <- Pm4 / rowSums(Pm4)
gm4 <- apply(Pm4, 1, function(pr) sample(0:3, 1, prob = pr))
M4 <- multinom_case("rare_group_four_groups", gm4, c("BEN", "G1", "RARE", "G3"), cbind(x1 = x1, x2 = x2), focal = 0,
                    note = paste("group sizes:", paste(table(gm4), collapse = "/")))
save_json(list(cases = list(M1, M1b, M2, M3, M4)), "multinomial.json")

# Binary propensity (logistic) ATT weights and overlap: focal = beneficiaries vs childcare (M1 data).
sel <- gm %in% c(0, 1)
db <- data.frame(f = as.numeric(gm[sel] == 0), age = age[sel], allo = allo[sel], low = low_inc[sel])
pb <- fitted(glm(f ~ age + allo + low, family = binomial, data = db, control = glm.control(epsilon = 1e-14, maxit = 100)))
wb <- ifelse(db$f == 1, 1, pb / (1 - pb))
Pb <- cbind(1 - pb, pb)  # columns: comparison (code 0), focal (code 1)
B1 <- list(name = "binary_propensity", focal = I(db$f), x = list(I(db$age), I(db$allo), I(db$low)),
           x_names = I(c("age_mois", "allophone", "revenu_faible")), propensity = I(unname(pb)), att_weights = I(unname(wb)),
           weight_summary = weight_summary(unname(wb), 1 - db$f, c("BEN", "CRECHE")),
           overlap = overlap(Pb, db$f, c("CRECHE", "BEN"), 1))
save_json(B1, "binary_propensity.json")
cat("multinomial done\n")

# ---------------------------------------------------------------------------------------------
# 4. Balance (cobalt conventions, hand-coded from cobalt's documented formulas) and WWC baseline
#    equivalence (Hedges' g with omega = 1 - 3/(4N - 9), Cox index / 1.65; WWC Handbook v5.0).
# ---------------------------------------------------------------------------------------------
cw_mean <- function(x, w) { ok <- !is.na(x); sum(w[ok] * x[ok]) / sum(w[ok]) }          # col_w_mean
cw_var <- function(x, w, bin) {                                                          # col.w.v
  ok <- !is.na(x); x <- x[ok]; w <- w[ok] / sum(w[ok]); m <- sum(w * x)
  if (bin) m * (1 - m) else sum(w * (x - m)^2) / (1 - sum(w^2))
}
# cobalt: a zero difference is not standardised (check_if_zero). An SD that is zero up to rounding
# (constant covariate in the focal group) makes the SMD undefined: NA here, NaN + warning in C#.
std_diff <- function(d, s, m = 1) if (abs(d) < sqrt(.Machine$double.eps)) 0 else if (s <= 1e-12 * max(1, abs(m))) NA else d / s
balance_case <- function(name, X, g, labels, focal, w = NULL, note = "") {
  rows <- list()
  for (j in seq_len(ncol(X))) {
    x <- X[, j]; bin <- all(x[!is.na(x)] %in% c(0, 1))
    xf <- x[g == focal]; okf <- !is.na(xf)
    sd_f <- sqrt(cw_var(xf, rep(1, length(xf)), bin))
    for (k in setdiff(seq_along(labels) - 1, focal)) {
      xc <- x[g == k]; okc <- !is.na(xc)
      mf <- mean(xf, na.rm = TRUE); mc <- mean(xc, na.rm = TRUE)
      r <- list(covariate = colnames(X)[j], binary = bin, comparison = labels[k + 1],
                n_focal = sum(okf), n_comp = sum(okc), mean_focal = mf, mean_comp = mc, sd = sd_f,
                diff = if (bin) mf - mc else std_diff(mf - mc, sd_f, mf),
                diff_std = std_diff(mf - mc, sd_f, mf),
                vr = if (bin) NA else cw_var(xf, rep(1, length(xf)), FALSE) / cw_var(xc, rep(1, length(xc)), FALSE))
      if (!is.null(w)) {
        wf <- w[g == focal]; wc <- w[g == k]
        wmf <- cw_mean(xf, wf); wmc <- cw_mean(xc, wc)
        r$wmean_focal <- wmf; r$wmean_comp <- wmc
        r$wdiff <- if (bin) wmf - wmc else std_diff(wmf - wmc, sd_f, mf)
        r$wdiff_std <- std_diff(wmf - wmc, sd_f, mf)
        r$wvr <- if (bin) NA else cw_var(xf, wf, FALSE) / cw_var(xc, wc, FALSE)
      }
      # WWC
      nf <- sum(okf); nc <- sum(okc); N <- nf + nc; omega <- 1 - 3 / (4 * N - 9)
      s1 <- sd(xf, na.rm = TRUE); s0 <- sd(xc, na.rm = TRUE)
      es <- if (bin) omega * (qlogis(mf) - qlogis(mc)) / 1.65 else
        omega * (mf - mc) / sqrt(((nf - 1) * s1^2 + (nc - 1) * s0^2) / (N - 2))
      r$wwc_sd_focal <- s1; r$wwc_sd_comp <- s0
      r$wwc_es <- if (is.finite(es)) es else NA
      r$wwc_band <- if (!is.finite(es)) NA else if (abs(es) <= 0.05) "Satisfied" else if (abs(es) <= 0.25) "RequiresStatisticalAdjustment" else "NotSatisfied"
      rows[[length(rows) + 1]] <- r
    }
  }
  list(name = name, note = note, group = I(g), labels = I(labels), focal = focal,
       x = lapply(seq_len(ncol(X)), function(j) I(X[, j])), x_names = I(colnames(X)),
       weights = if (is.null(w)) NULL else I(w), rows = rows)
}

set.seed(20240614)
# Bal1: PasserelleS cohorts (data of M1) with an extra baseline score with missing values; ATT weights.
score <- round(rnorm(length(gm), 2.6 - 0.3 * (gm == 2), 0.7), 1); score[c(4, 30, 101)] <- NA
XB1 <- cbind(age_mois = age, allophone = allo, revenu_faible = low_inc, score_initial = score)
Pm1 <- fitted(vglm(factor(gm) ~ age + allo + low_inc, multinomial(refLevel = 1), control = vglm.control(epsilon = 1e-15)))
wB1 <- att_weights(Pm1, gm, 0)
Bal1 <- balance_case("passerelles_weighted", XB1, gm, c("BEN", "CRECHE", "ELOIGNE"), 0, w = wB1)

# Bal2: small and unequal groups (4 / 12 / 7), ties, unweighted.
gB2 <- c(rep(0, 4), rep(1, 12), rep(2, 7))
xB2 <- c(2, 3, 3, 4, 1, 2, 2, 2, 3, 3, 1, 4, 2, 3, 2, 1, 3, 3, 4, 2, 2, 5, 3)
bB2 <- c(1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1)
Bal2 <- balance_case("small_unequal", cbind(note = xB2, garcon = bB2), gB2, c("BEN", "CRECHE", "ELOIGNE"), 0)

# Bal3: focal group is second code; a covariate constant in the focal group (SD 0), random weights.
gB3 <- rep(c(0, 1, 1, 2), 10)
cB3 <- ifelse(gB3 == 1, 3, round(runif(40, 1, 5)))
yB3 <- rnorm(40, 10 + gB3, 2)
pB3 <- rbinom(40, 1, 0.3 + 0.2 * (gB3 == 1)); pB3[gB3 == 1][1] <- 1; pB3[gB3 == 0][1] <- 0
wB3 <- ifelse(gB3 == 1, 1, round(runif(40, 0.3, 2.5), 3))
Bal3 <- balance_case("focal_constant_covariate", cbind(constant_in_focal = cB3, y0 = yB3, aide = pB3), gB3, c("C1", "F", "C2"), 1, w = wB3)
save_json(list(cases = list(Bal1, Bal2, Bal3)), "balance.json")
cat("balance done\n")

# ---------------------------------------------------------------------------------------------
# 5. Attrition (WWC). Rates computed directly; the boundary is WWC Standards Handbook v4.1
#    Table II.1 (unchanged in v5.0), as transcribed in CRAN baselinr::attrition_boundary; for a
#    non-whole overall percentage the smaller boundary of the two neighbouring whole percentages
#    is used (the C# code's documented conservative rule).
# ---------------------------------------------------------------------------------------------
wwc_cautious <- c(5.7, 5.8, 5.9, 5.9, 6.0, 6.1, 6.2, 6.3, 6.3, 6.3, 6.3, 6.2, 6.2, 6.1, 6.0,
  5.9, 5.9, 5.8, 5.7, 5.5, 5.4, 5.3, 5.2, 5.1, 4.9, 4.8, 4.7, 4.5, 4.4, 4.3,
  4.1, 4.0, 3.8, 3.6, 3.5, 3.3, 3.2, 3.1, 2.9, 2.8, 2.6, 2.5, 2.3, 2.1, 2.0,
  1.8, 1.6, 1.5, 1.3, 1.2, 1.0, 0.9, 0.7, 0.6, 0.4, 0.3, 0.2, 0.0)
wwc_optimistic <- c(10.0, 10.1, 10.2, 10.3, 10.4, 10.5, 10.7, 10.8, 10.9, 10.9, 10.9, 10.9,
  10.9, 10.8, 10.8, 10.7, 10.6, 10.5, 10.3, 10.2, 10.0, 9.9, 9.7, 9.5, 9.4,
  9.2, 9.0, 8.8, 8.6, 8.4, 8.2, 8.0, 7.8, 7.6, 7.4, 7.2, 7.0, 6.7, 6.5, 6.3,
  6.0, 5.8, 5.6, 5.3, 5.1, 4.9, 4.6, 4.4, 4.2, 3.9, 3.7, 3.5, 3.2, 3.0, 2.8,
  2.6, 2.3, 2.1, 1.9, 1.6, 1.4, 1.1, 0.9, 0.7, 0.5, 0.3)
max_diff <- function(overall, tab) {
  pc <- overall * 100; if (abs(pc - round(pc)) < 1e-9) pc <- round(pc)
  lo <- floor(pc); hi <- ceiling(pc)
  if (hi + 1 > length(tab)) NA else min(tab[lo + 1], tab[hi + 1])
}
attrition_case <- function(name, g, obs_by_wave, labels, focal) {
  waves <- lapply(names(obs_by_wave), function(wv) {
    obs <- obs_by_wave[[wv]]
    contrasts <- lapply(setdiff(seq_along(labels) - 1, focal), function(k) {
      ef <- sum(g == focal); of <- sum(g == focal & obs); ec <- sum(g == k); oc <- sum(g == k & obs)
      rf <- 1 - of / ef; rc <- 1 - oc / ec; overall <- 1 - (of + oc) / (ef + ec); diff <- abs(rf - rc) * 100
      mc <- max_diff(overall, wwc_cautious); mo <- max_diff(overall, wwc_optimistic)
      list(comparison = labels[k + 1], enrolled_focal = ef, observed_focal = of, enrolled_comp = ec, observed_comp = oc,
           rate_focal = rf, rate_comp = rc, overall = overall, differential_points = diff,
           max_cautious = mc, max_optimistic = mo,
           low_cautious = !is.na(mc) && diff <= mc + 1e-9, low_optimistic = !is.na(mo) && diff <= mo + 1e-9)
    })
    list(wave = wv, observed = I(obs), contrasts = contrasts)
  })
  list(name = name, group = I(g), labels = I(labels), focal = focal, waves = waves)
}
set.seed(20240615)
gA <- rep(0:2, c(60, 90, 70))
A1 <- attrition_case("passerelles_two_waves", gA,
  list("T1" = runif(220) < c(0.93, 0.9, 0.8)[gA + 1], "T2" = runif(220) < c(0.85, 0.75, 0.62)[gA + 1]),
  c("BEN", "CRECHE", "ELOIGNE"), 0)
gA2 <- rep(c(1, 0), c(15, 6))
A2 <- attrition_case("small_unequal", gA2, list("suivi" = c(rep(TRUE, 13), FALSE, FALSE, rep(TRUE, 5), FALSE)), c("TEMOIN", "BEN"), 1)
gA3 <- rep(0:1, c(40, 50))
A3 <- attrition_case("high_overall", gA3, list("T2" = c(rep(TRUE, 15), rep(FALSE, 25), rep(TRUE, 20), rep(FALSE, 30))), c("F", "C"), 0)
save_json(list(cases = list(A1, A2, A3)), "attrition.json")
cat("attrition done\n")
