# Reference values for src/ImpactEval.Statistics/Regression (linear models, robust and cluster-robust
# variances, ANCOVA, Lin's estimator, difference-in-differences).
#
# Run from the worktree root:  Rscript tests/ImpactEval.Statistics.Tests/Reference/regression.R
# Writes tests/ImpactEval.Statistics.Tests/Fixtures/regression/{linear_models,covariate_adjustment,did}.json
#
# Generated with: R version 4.2.2 Patched (2022-11-10 r83330), estimatr 1.0.0, sandwich 3.0.2,
# clubSandwich 0.5.8, jsonlite 1.8.4 (Debian packages). The versions actually used are also written
# into each fixture ("versions").
#
# Every dataset is synthetic, generated here with a fixed seed, and written into the fixture so the C#
# tests run on exactly the same numbers. NA is written as null.

suppressPackageStartupMessages({
  library(estimatr)
  library(sandwich)
  library(clubSandwich)
  library(jsonlite)
})

out_dir <- file.path("tests", "ImpactEval.Statistics.Tests", "Fixtures", "regression")
dir.create(out_dir, recursive = TRUE, showWarnings = FALSE)

versions <- list(
  R = R.version.string,
  estimatr = as.character(packageVersion("estimatr")),
  sandwich = as.character(packageVersion("sandwich")),
  clubSandwich = as.character(packageVersion("clubSandwich")),
  jsonlite = as.character(packageVersion("jsonlite"))
)

write_fixture <- function(x, name) {
  writeLines(toJSON(x, digits = NA, auto_unbox = TRUE, na = "null", null = "null", pretty = TRUE),
             file.path(out_dir, name))
}

# Tidy table of an lm_robust fit (NA for collinear terms).
tidy_fit <- function(fit) {
  list(
    term = names(fit$coefficients),
    estimate = unname(fit$coefficients),
    std_error = unname(fit$std.error),
    statistic = unname(fit$statistic),
    df = unname(fit$df),
    p_value = unname(fit$p.value),
    conf_low = unname(fit$conf.low),
    conf_high = unname(fit$conf.high),
    nobs = fit$nobs,
    nclusters = if (is.null(fit$nclusters)) NA else fit$nclusters,
    r_squared = fit$r.squared,
    adj_r_squared = fit$adj.r.squared,
    df_residual = fit$df.residual
  )
}

cr_types <- c("CR0", "stata", "CR2")
hc_types <- c("classical", "HC0", "HC1", "HC2", "HC3")

# Cross-checks with sandwich (HC, CR0, CR1S) and clubSandwich (CR0, CR1S, CR2 + Satterthwaite df) on
# an lm() of the same estimable columns.
cross_check <- function(formula_kept, d, weighted, se_type) {
  fit <- if (weighted) lm(formula_kept, data = d, weights = w) else lm(formula_kept, data = d)
  cl <- d$cl
  res <- list(sandwich_se = NULL, clubsandwich_se = NULL, clubsandwich_df = NULL)
  if (se_type == "classical") {
    res$sandwich_se <- unname(sqrt(diag(vcov(fit))))
  } else if (se_type %in% hc_types) {
    res$sandwich_se <- unname(sqrt(diag(vcovHC(fit, type = se_type))))
  } else if (se_type == "CR0") {
    res$sandwich_se <- unname(sqrt(diag(vcovCL(fit, cluster = cl, type = "HC0", cadjust = FALSE))))
    res$clubsandwich_se <- unname(sqrt(diag(vcovCR(fit, cluster = cl, type = "CR0"))))
  } else if (se_type == "stata") {
    res$sandwich_se <- unname(sqrt(diag(vcovCL(fit, cluster = cl, type = "HC1"))))
    res$clubsandwich_se <- unname(sqrt(diag(vcovCR(fit, cluster = cl, type = "CR1S"))))
  } else if (se_type == "CR2") {
    ct <- coef_test(fit, vcov = "CR2", cluster = cl, test = "Satterthwaite")
    res$clubsandwich_se <- unname(ct$SE)
    res$clubsandwich_df <- unname(ct$df_Satt)
  }
  res$cross_terms <- names(coef(fit))
  res
}

# ---------------------------------------------------------------------------------------------
# 1. Linear models: OLS and WLS under every variance estimator.
# ---------------------------------------------------------------------------------------------
set.seed(20240611)

make_small <- function() {
  n <- 12
  d <- data.frame(
    x1 = round(rnorm(n), 3),
    x2 = round(runif(n, 0, 10), 2),
    g = c("A", "A", "B", "C", "A", "B", "C", "A", "B", "C", "A", "B"),
    cl = c(1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4),
    w = round(runif(n, 0.5, 2), 3)
  )
  d$y <- round(1 + 0.5 * d$x1 - 0.2 * d$x2 + (d$g == "B") * 0.7 + rnorm(n), 3)
  list(name = "small", d = d, numeric = c("x1", "x2"), factors = list(list(name = "g", reference = "A")))
}

make_ties <- function() {
  n <- 40
  g <- c(rep("A", 24), rep("B", 11), rep("C", 5))
  # 8 clusters of unequal sizes, one with a single observation.
  sizes <- c(1, 2, 3, 4, 5, 6, 8, 11)
  cl <- rep(1:8, sizes)
  d <- data.frame(
    x1 = sample(1:5, n, replace = TRUE),
    x2 = round(rnorm(n, 3, 2) * 2) / 2,
    g = g,
    cl = cl,
    w = sample(c(1, 2, 3), n, replace = TRUE)
  )
  u <- rnorm(8)
  d$y <- round(2 + 0.3 * d$x1 + 0.1 * d$x2 - 0.5 * (d$g == "C") + u[d$cl] + rnorm(n) * (1 + d$x1 / 5), 2)
  d$y[3] <- NA
  d$x1[7] <- NA
  d$g[11] <- NA
  list(name = "ties_unequal", d = d, numeric = c("x1", "x2"), factors = list(list(name = "g", reference = "A")))
}

make_collinear <- function() {
  n <- 50
  sizes <- c(2, 3, 4, 5, 6, 8, 10, 12)
  d <- data.frame(
    x1 = sample(0:9, n, replace = TRUE),
    x2 = sample(0:20, n, replace = TRUE),
    g = sample(c("ctl", "trt"), n, replace = TRUE),
    cl = rep(1:8, sizes),
    w = round(runif(n, 0.2, 3), 2)
  )
  # Exactly collinear; coefficients 2 and 3 avoid exact ties in the pivoting (with x3 = x1 + x2 the
  # residuals of x1 and x2 are opposite once x3 is in, and which one estimatr drops is decided by rounding).
  d$x3 <- 2 * d$x1 + 3 * d$x2
  d$y <- round(1 + 0.4 * d$x1 - 0.1 * d$x2 + 0.8 * (d$g == "trt") + rnorm(8)[d$cl] + rnorm(n), 3)
  list(name = "collinear", d = d, numeric = c("x1", "x2", "x3"), factors = list(list(name = "g", reference = "ctl")))
}

make_clusters8 <- function() {
  sizes <- c(5, 8, 10, 12, 15, 25, 35, 50)
  cl <- rep(1:8, sizes)
  n <- length(cl)
  treated_clusters <- c(1, 4, 6, 7)
  d <- data.frame(
    x1 = rnorm(n),
    x2 = rexp(n),
    g = ifelse(cl %in% treated_clusters, "BEN", "TEM"),
    cl = cl,
    w = round(runif(n, 0.5, 1.5), 3)
  )
  u <- rnorm(8, sd = 0.8)
  d$y <- 10 + 0.5 * (d$g == "BEN") + 0.6 * d$x1 + 0.3 * d$x2 + u[cl] + rnorm(n) * exp(0.3 * d$x1)
  list(name = "clusters8", d = d, numeric = c("x1", "x2"), factors = list(list(name = "g", reference = "TEM")))
}

make_scaled <- function() {
  # Covariates with large means (a year, a score around 500): a badly conditioned design.
  sizes <- c(3, 4, 5, 6, 7, 8, 12, 15)
  cl <- rep(1:8, sizes)
  n <- length(cl)
  d <- data.frame(
    x1 = 2015 + sample(0:6, n, replace = TRUE),
    x2 = round(500 + rnorm(n, sd = 40), 1),
    g = sample(c("a", "b"), n, replace = TRUE),
    cl = cl,
    w = round(runif(n, 1, 4), 2)
  )
  d$y <- 0.05 * (d$x1 - 2015) + 0.01 * d$x2 + 0.3 * (d$g == "b") + rnorm(8, sd = 0.5)[cl] + rnorm(n)
  list(name = "scaled", d = d, numeric = c("x1", "x2"), factors = list(list(name = "g", reference = "a")))
}

datasets <- list(make_small(), make_ties(), make_collinear(), make_clusters8(), make_scaled())

lm_fixture <- lapply(datasets, function(ds) {
  d <- ds$d
  for (f in ds$factors) d[[f$name]] <- relevel(factor(d[[f$name]]), ref = f$reference)
  rhs <- c(ds$numeric, vapply(ds$factors, function(f) f$name, ""))
  formula <- reformulate(rhs, response = "y")
  fits <- list()
  for (weighted in c(FALSE, TRUE)) {
    for (se in c(hc_types, cr_types)) {
      args <- list(formula = formula, data = d, se_type = se)
      if (weighted) args$weights <- quote(w)
      if (se %in% cr_types) args$clusters <- quote(cl)
      fit <- do.call(lm_robust, args)
      tab <- tidy_fit(fit)
      # lm() on the columns estimatr kept (complete rows only), for the sandwich / clubSandwich cross-checks.
      mf <- model.frame(formula, d)
      rows <- as.integer(rownames(mf))
      X <- model.matrix(formula, mf)
      keep_cols <- colnames(X)[!is.na(fit$coefficients) & colnames(X) != "(Intercept)"]
      Xk <- as.data.frame(X[, keep_cols, drop = FALSE])
      names(Xk) <- paste0("k", seq_along(keep_cols))
      dd <- cbind(d[rows, c("y", "cl", "w")], Xk)
      rownames(dd) <- NULL
      fk <- reformulate(names(Xk), response = "y")
      tab <- c(tab, cross_check(fk, dd, weighted, se))
      if (ds$name == "scaled") {
        # Well-conditioned reference: the same model with centred covariates. Slope SEs and df are
        # invariant to centring; the intercept's variance is aᵀVa with a = (1, −means).
        dc <- d
        means <- sapply(ds$numeric, function(v) mean(d[[v]]))
        for (v in ds$numeric) dc[[v]] <- d[[v]] - means[[v]]
        cargs <- args
        cargs$data <- dc
        cfit <- do.call(lm_robust, cargs)
        a <- c(1, -means, rep(0, length(cfit$coefficients) - 1 - length(means)))
        tab$precise_se <- c(sqrt(drop(t(a) %*% cfit$vcov %*% a)), unname(cfit$std.error[-1]))
        tab$precise_df <- c(NA, unname(cfit$df[-1]))
      }
      tab$weighted <- weighted
      tab$se_type <- se
      fits[[length(fits) + 1]] <- tab
    }
  }
  data <- as.list(ds$d)
  list(name = ds$name, numeric = as.list(ds$numeric), factors = ds$factors, data = data, fits = fits)
})

write_fixture(list(versions = versions, datasets = lm_fixture), "linear_models.json")
cat("linear_models.json written\n")

# ---------------------------------------------------------------------------------------------
# 2. ANCOVA (lm_robust(y ~ group + baseline + x)) and Lin's estimator (lm_lin).
# ---------------------------------------------------------------------------------------------
set.seed(20240612)

all_types <- c(hc_types, cr_types)

ca_small <- function() {
  n <- 16
  d <- data.frame(group = rep(c("TEM", "BEN"), each = 8), baseline = round(rnorm(n, 50, 10), 1),
                  x1 = round(rnorm(n), 2), cl = rep(1:4, each = 4), w = round(runif(n, 0.5, 2), 2))
  d$y <- round(5 + 0.8 * d$baseline + 3 * (d$group == "BEN") + d$x1 + rnorm(n, sd = 4), 1)
  list(name = "small_two_arms", d = d, reference = "TEM", covariates = c("x1"))
}

ca_three_arms <- function() {
  n <- 45
  sizes <- c(1, 3, 4, 5, 6, 7, 8, 11)
  d <- data.frame(group = c(rep("TEM", 20), rep("A", 15), rep("B", 10)),
                  baseline = sample(8:14, n, replace = TRUE),
                  x1 = round(rnorm(n) * 2) / 2,
                  cl = rep(1:8, sizes), w = sample(c(1, 1.5, 2), n, replace = TRUE))
  d$y <- 2 + 0.9 * d$baseline + (d$group == "A") * 1 + (d$group == "B") * (0.5 + 0.4 * (d$baseline - 11)) +
    0.5 * d$x1 + rnorm(8)[d$cl] + rnorm(n)
  d$y <- round(d$y, 2)
  d$y[5] <- NA
  d$baseline[12] <- NA
  d$group[30] <- NA
  list(name = "three_arms_ties", d = d, reference = "TEM", covariates = c("x1"))
}

ca_collinear <- function() {
  n <- 40
  d <- data.frame(group = sample(c("C", "T"), n, replace = TRUE), baseline = round(rnorm(n, 20, 5), 1),
                  x1 = sample(0:9, n, replace = TRUE), cl = rep(1:8, c(2, 3, 4, 4, 5, 6, 7, 9)),
                  w = round(runif(n, 0.5, 2), 2))
  d$x2 <- 2 * d$x1   # collinear covariate: estimatr keeps x2 (larger norm) and drops x1
  d$y <- round(1 + 0.5 * d$baseline + 2 * (d$group == "T") + 0.3 * d$x1 + rnorm(n, sd = 2), 2)
  list(name = "collinear_covariate", d = d, reference = "C", covariates = c("x1", "x2"))
}

ca_clusters8 <- function() {
  sizes <- c(6, 9, 12, 14, 18, 22, 30, 45)
  cl <- rep(1:8, sizes)
  n <- length(cl)
  d <- data.frame(group = ifelse(cl %in% c(2, 3, 5, 8), "BEN", "TEM"), baseline = rnorm(n, 100, 15),
                  x1 = rbinom(n, 1, 0.4), cl = cl, w = round(runif(n, 0.5, 1.5), 3))
  d$y <- 20 + 0.7 * d$baseline + 4 * (d$group == "BEN") + 0.05 * (d$group == "BEN") * (d$baseline - 100) +
    2 * d$x1 + rnorm(8, sd = 3)[cl] + rnorm(n, sd = 6)
  list(name = "clusters8_weighted", d = d, reference = "TEM", covariates = c("x1"))
}

ca_datasets <- list(ca_small(), ca_three_arms(), ca_collinear(), ca_clusters8())

ca_fixture <- lapply(ca_datasets, function(ds) {
  d <- ds$d
  d$group <- relevel(factor(d$group), ref = ds$reference)
  fits <- list()
  for (estimator in c("ancova", "lin")) for (weighted in c(FALSE, TRUE)) for (se in all_types) {
    args <- list(data = d, se_type = se)
    if (weighted) args$weights <- quote(w)
    if (se %in% cr_types) args$clusters <- quote(cl)
    if (estimator == "ancova") {
      args$formula <- reformulate(c("group", "baseline", ds$covariates), response = "y")
      fit <- do.call(lm_robust, args)
    } else {
      args$formula <- y ~ group
      args$covariates <- reformulate(c("baseline", ds$covariates))
      fit <- do.call(lm_lin, args)
    }
    tab <- tidy_fit(fit)
    tab$estimator <- estimator
    tab$weighted <- weighted
    tab$se_type <- se
    fits[[length(fits) + 1]] <- tab
  }
  list(name = ds$name, reference = ds$reference, covariates = as.list(ds$covariates), data = as.list(ds$d), fits = fits)
})
write_fixture(list(versions = versions, datasets = ca_fixture), "covariate_adjustment.json")
cat("covariate_adjustment.json written\n")

# ---------------------------------------------------------------------------------------------
# 3. Difference-in-differences: change scores, two-way fixed effects, event study.
# ---------------------------------------------------------------------------------------------
set.seed(20240613)

cs_datasets <- list(
  local({
    n <- 10
    d <- data.frame(group = rep(c("TEM", "BEN"), each = 5), before = round(rnorm(n, 10, 2), 1), cl = c(1, 1, 2, 2, 3, 4, 4, 5, 5, 6))
    d$after <- round(d$before + 1 + 1.5 * (d$group == "BEN") + rnorm(n), 1)
    list(name = "cs_small", d = d, reference = "TEM", covariates = character(0))
  }),
  local({
    n <- 30
    d <- data.frame(group = c(rep("TEM", 20), rep("BEN", 10)), before = sample(5:9, n, replace = TRUE),
                    cl = rep(1:8, c(1, 2, 3, 3, 4, 5, 5, 7)))
    d$after <- d$before + sample(0:3, n, replace = TRUE) + (d$group == "BEN") * sample(0:2, n, replace = TRUE)
    d$after[4] <- NA
    list(name = "cs_unequal_ties", d = d, reference = "TEM", covariates = character(0))
  }),
  local({
    cl <- rep(1:8, c(3, 4, 4, 5, 5, 6, 6, 7))
    n <- length(cl)
    d <- data.frame(group = ifelse(cl %in% c(1, 4, 6, 7), "BEN", "TEM"), before = rnorm(n, 30, 5), x1 = rnorm(n), cl = cl)
    d$after <- d$before + 2 + 3 * (d$group == "BEN") + 0.8 * d$x1 + rnorm(8)[cl] + rnorm(n, sd = 2)
    list(name = "cs_covariate_clusters", d = d, reference = "TEM", covariates = c("x1"))
  })
)

cs_fixture <- lapply(cs_datasets, function(ds) {
  d <- ds$d
  d$group <- relevel(factor(d$group), ref = ds$reference)
  d$change <- d$after - d$before
  fits <- list()
  for (se in all_types) {
    args <- list(formula = reformulate(c("group", ds$covariates), response = "change"), data = d, se_type = se)
    if (se %in% cr_types) args$clusters <- quote(cl)
    tab <- tidy_fit(do.call(lm_robust, args))
    tab$se_type <- se
    fits[[length(fits) + 1]] <- tab
  }
  list(name = ds$name, reference = ds$reference, covariates = as.list(ds$covariates), data = as.list(ds$d), fits = fits)
})

panel <- function(name, units, waves, first_treated_wave, treated_units, cluster_of_unit, drop_rows, with_x) {
  d <- expand.grid(wave = waves, unit = units)
  d <- d[, c("unit", "wave")]
  if (length(drop_rows) > 0) d <- d[-drop_rows, ]
  rownames(d) <- NULL
  d$treated <- d$unit %in% treated_units
  d$D <- as.numeric(d$treated & d$wave >= first_treated_wave)
  d$cl <- cluster_of_unit[match(d$unit, units)]
  d$x1 <- if (with_x) round(rnorm(nrow(d)), 3) else 0
  alpha <- rnorm(length(units), sd = 2)
  lambda <- cumsum(rnorm(length(waves), 0.5, 0.3))
  d$y <- round(alpha[match(d$unit, units)] + lambda[match(d$wave, waves)] + 1.2 * d$D +
                 (if (with_x) 0.5 * d$x1 else 0) + rnorm(nrow(d)), 3)
  list(name = name, d = d, first_treated_wave = first_treated_wave, with_x = with_x)
}

panels <- list(
  panel("panel_balanced_small", 1:8, 1:2, 2, c(2, 4, 6, 8), 1:8, integer(0), FALSE),
  # 24 units × 4 waves, treated from wave 3, missing observations (one unit observed once), clusters = units.
  panel("panel_unbalanced", 101:124, 1:4, 3, 101:110, 101:124, c(2, 7, 8, 9, 30, 50, 51, 77), TRUE),
  # 40 pupils nested in 8 schools of unequal sizes, 3 waves, treatment at school level from wave 2.
  panel("panel_schools", 1:40, c(2019, 2020, 2021), 2020, 1:17,
        rep(1:8, c(2, 3, 4, 4, 5, 6, 7, 9)), c(5, 40, 41), TRUE)
)

twfe_fixture <- lapply(panels, function(p) {
  d <- p$d
  rhs <- c("D", if (p$with_x) "x1", "factor(wave)")
  fits <- list()
  for (se in all_types) {
    args <- list(formula = reformulate(c(rhs, "factor(unit)"), response = "y"), data = d, se_type = se)
    if (se %in% cr_types) args$clusters <- quote(cl)
    fit <- do.call(lm_robust, args)
    tab <- tidy_fit(fit)
    # Same model with the unit effects absorbed by estimatr itself.
    fargs <- list(formula = reformulate(rhs, response = "y"), data = d, se_type = se, fixed_effects = ~unit)
    if (se %in% cr_types) fargs$clusters <- quote(cl)
    ffit <- do.call(lm_robust, fargs)
    tab$fe_std_error <- unname(ffit$std.error)
    tab$fe_df <- unname(ffit$df)
    tab$se_type <- se
    fits[[length(fits) + 1]] <- tab
  }
  # Event study relative to the last wave before treatment.
  waves <- sort(unique(d$wave))
  ref <- max(waves[waves < p$first_treated_wave])
  ev_names <- character(0)
  for (w in waves[waves != ref]) {
    nm <- paste0("ev", w)
    d[[nm]] <- as.numeric(d$treated & d$wave == w)
    ev_names <- c(ev_names, nm)
  }
  erhs <- c(ev_names, if (p$with_x) "x1", "factor(wave)", "factor(unit)")
  event <- list()
  for (se in c("CR2", "stata", "HC2")) {
    args <- list(formula = reformulate(erhs, response = "y"), data = d, se_type = se)
    if (se %in% cr_types) args$clusters <- quote(cl)
    tab <- tidy_fit(do.call(lm_robust, args))
    tab$se_type <- se
    event[[length(event) + 1]] <- tab
  }
  data <- as.list(p$d[, c("unit", "wave", "treated", "D", "cl", "x1", "y")])
  list(name = p$name, with_x = p$with_x, reference_wave = ref, data = data, fits = fits, event_study = event)
})

write_fixture(list(versions = versions, change_score = cs_fixture, twfe = twfe_fixture), "did.json")
cat("did.json written\n")
