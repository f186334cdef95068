using System.Globalization;
using System.Text;
using ImpactEval.Analysis;
using ImpactEval.Core.Loading;
using ImpactEval.Core.Model;
using ValueType = ImpactEval.Core.Model.ValueType;

namespace ImpactEval.Reporting.Dataset;

/// <summary>
/// Writes <c>reproduire.R</c>: an R script that reads the exported dataset (<c>donnees.csv</c>), recomputes every estimate of
/// the protocol's analyses with the R functions whose conventions ImpactEval follows (estimatr's <c>lm_robust</c> and
/// <c>lm_lin</c>, clubSandwich's <c>coef_test</c>, ordinal's <c>clm</c> with sandwich's <c>vcovCL</c>, <c>glm</c>,
/// nnet's <c>multinom</c>, <c>t.test</c>, <c>wilcox.test</c>, <c>prop.test</c>, <c>p.adjust</c>), prints ImpactEval's value
/// (from <c>estimations-impacteval.csv</c>) next to R's, writes <c>comparaison.csv</c> and exits with status 1 when a value
/// differs beyond 1e-8 (relative; 1e-6 for iterative fits). A cluster bootstrap's interval cannot be redrawn in R (another
/// random stream): only its point estimate is compared.
/// </summary>
public static class ReproductionScript
{
    /// <summary>The script's file name.</summary>
    public const string FileName = "reproduire.R";

    /// <summary>The file of ImpactEval's estimates the script compares with.</summary>
    public const string EstimatesFileName = "estimations-impacteval.csv";

    /// <summary>The file the script writes.</summary>
    public const string ComparisonFileName = "comparaison.csv";

    /// <summary>The script for <paramref name="frame"/>'s protocol.</summary>
    /// <param name="frame">The exported dataset (its codebook names the columns).</param>
    /// <param name="buildVersion">The build and engine versions that wrote the estimates.</param>
    /// <param name="at">When the export was made.</param>
    public static string Write(DatasetFrame frame, string buildVersion, DateTimeOffset at)
    {
        var protocol = frame.Protocol;
        var variable = frame.Codebook.ToDictionary(c => c.Key, c => c.Variable, StringComparer.Ordinal);
        var r = new StringBuilder();
        r.Append($$"""
            # reproduire.R : recalcule avec R chaque estimation du protocole « {{protocol.Id}} » (version enregistrée {{frame.Rows.ProtocolVersion}})
            # à partir de donnees.csv, et la compare à celle d’ImpactEval (estimations-impacteval.csv, les colonnes de
            # « impacteval estimate --format csv »). Écrit par ImpactEval {{buildVersion}} le {{at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}}.
            #
            # Utilisation : Rscript reproduire.R [DOSSIER]   (DOSSIER : celui de donnees.csv, par défaut le dossier courant)
            # Paquets R : estimatr, clubSandwich, sandwich, ordinal, nnet
            #   (Debian : r-cran-estimatr r-cran-clubsandwich r-cran-sandwich r-cran-ordinal r-cran-nnet).
            # Chaque valeur est comparée à 1e-8 près (écart relatif, absolu sous 1) ; 1e-6 pour les modèles ajustés par
            # itérations (logits, score de propension). Résultat : comparaison.csv ; code de sortie 1 si une valeur diffère.
            # Conventions : le groupe focal est la référence du facteur de groupe ; l’effet d’un contraste est l’opposé du
            # coefficient du groupe de comparaison (un rapport : exp(-b)), son intervalle retourné.

            suppressPackageStartupMessages({
              library(estimatr)
              library(clubSandwich)
              library(sandwich)
              library(ordinal)
              library(nnet)
            })
            args <- commandArgs(trailingOnly = TRUE)
            dossier <- if (length(args) >= 1) args[1] else "."
            d <- read.csv(file.path(dossier, "donnees.csv"), check.names = FALSE, stringsAsFactors = FALSE, na.strings = "NA")
            ie <- read.csv(file.path(dossier, "{{EstimatesFileName}}"), check.names = FALSE, stringsAsFactors = FALSE, na.strings = "NA")
            d$.grappe <- d[[{{Quote(variable["cluster"])}}]]
            d$.ligne <- seq_len(nrow(d))
            {{string.Concat(protocol.Covariates.Where(c => c.Scale.Type == ValueType.Categorical).Select(c => $"d[[{Quote(variable[c.Code])}]] <- factor(d[[{Quote(variable[c.Code])}]])\n"))}}

            lignes <- list()
            ajoute <- function(analyse, indicateur, contraste, terme, iteratif, famille, methode, v) {
              lignes[[length(lignes) + 1]] <<- data.frame(analysis = analyse, outcome = indicateur, contrast = contraste, term = terme,
                iterative = iteratif, family = famille, adjust = methode, estimate = v$estimate, std_error = v$std_error,
                statistic = v$statistic, df = v$df, p_value = v$p_value, conf_low = v$conf_low, conf_high = v$conf_high, stringsAsFactors = FALSE)
            }
            manque <- list(estimate = NA, std_error = NA, statistic = NA, df = NA, p_value = NA, conf_low = NA, conf_high = NA)

            # L'effet focal - comparaison à partir du coefficient b du groupe de comparaison : signe inversé, intervalle retourné.
            contraste <- function(b, se, df, niveau, rapport = FALSE) {
              q <- if (is.finite(df)) qt(1 - (1 - niveau) / 2, df) else qnorm(1 - (1 - niveau) / 2)
              t <- -b / se
              p <- if (is.finite(df)) 2 * pt(-abs(t), df) else 2 * pnorm(-abs(t))
              bas <- -b - q * se
              haut <- -b + q * se
              if (rapport) list(estimate = exp(-b), std_error = exp(-b) * se, statistic = t, df = df, p_value = p, conf_low = exp(bas), conf_high = exp(haut))
              else list(estimate = -b, std_error = se, statistic = t, df = df, p_value = p, conf_low = bas, conf_high = haut)
            }
            seuil <- function(z, se, df, niveau) {
              q <- if (is.finite(df)) qt(1 - (1 - niveau) / 2, df) else qnorm(1 - (1 - niveau) / 2)
              t <- z / se
              list(estimate = z, std_error = se, statistic = t, df = df,
                   p_value = if (is.finite(df)) 2 * pt(-abs(t), df) else 2 * pnorm(-abs(t)), conf_low = z - q * se, conf_high = z + q * se)
            }
            # Régression linéaire (estimatr::lm_robust, ou clubSandwich::coef_test pour les degrés de liberté de Satterthwaite).
            lineaire <- function(formule, u, variance, ddl, poids = NULL) {
              grappes <- variance %in% c("CR2", "CR1", "CR0")
              se_type <- switch(variance, CR2 = "CR2", CR1 = "stata", CR0 = "CR0", HC2 = "HC2", HC1 = "HC1", HC0 = "HC0", classique = "classical")
              if (grappes && ddl == "satterthwaite") {
                fit <- if (is.null(poids)) lm(formule, data = u) else lm(formule, data = u, weights = poids)
                ct <- coef_test(fit, vcov = switch(variance, CR2 = "CR2", CR1 = "CR1S", CR0 = "CR0"), cluster = u$.grappe, test = "Satterthwaite")
                return(list(b = setNames(ct$beta, ct$Coef), se = setNames(ct$SE, ct$Coef), df = setNames(ct$df_Satt, ct$Coef)))
              }
              fit <- if (grappes) {
                if (is.null(poids)) lm_robust(formule, data = u, clusters = .grappe, se_type = se_type)
                else lm_robust(formule, data = u, weights = poids, clusters = .grappe, se_type = se_type)
              } else {
                if (is.null(poids)) lm_robust(formule, data = u, se_type = se_type) else lm_robust(formule, data = u, weights = poids, se_type = se_type)
              }
              df <- fit$df
              if (grappes && ddl == "clusters_moins_un") df[] <- length(unique(u$.grappe)) - 1
              list(b = fit$coefficients, se = fit$std.error, df = df)
            }
            # Variance d'un modèle de vraisemblance (sandwich::vcovCL), et ses degrés de liberté (G - 1 par grappes, loi normale sinon).
            sandwich_de <- function(fit, u, variance) {
              n <- nrow(u)
              v <- switch(variance,
                CR1 = vcovCL(fit, cluster = u$.grappe, type = "HC1"),
                CR0 = vcovCL(fit, cluster = u$.grappe, type = "HC0", cadjust = FALSE),
                HC1 = vcovCL(fit, cluster = seq_len(n), type = "HC1"),
                HC0 = vcovCL(fit, cluster = seq_len(n), type = "HC0", cadjust = FALSE),
                vcov(fit))
              list(v = v, df = if (variance %in% c("CR1", "CR0")) length(unique(u$.grappe)) - 1 else Inf)
            }
            # Probabilité de supériorité P(X > Y) + P(X = Y)/2 avec la variance de Brunner et Munzel (statsmodels rank_compare_2indep).
            brunner_munzel <- function(x, y, niveau) {
              n1 <- length(x); n2 <- length(y)
              r <- rank(c(x, y)); r1 <- r[seq_len(n1)]; r2 <- r[n1 + seq_len(n2)]
              p1 <- r1 - rank(x); p2 <- r2 - rank(y)
              ps <- (mean(r1) - (n1 + 1) / 2) / n2
              s1 <- sum((p1 - mean(p1))^2) / (n1 - 1); s2 <- sum((p2 - mean(p2))^2) / (n2 - 1)
              se <- sqrt(s1 / n2^2 / n1 + s2 / n1^2 / n2)
              df <- (n1 * s1 + n2 * s2)^2 / ((n1 * s1)^2 / (n1 - 1) + (n2 * s2)^2 / (n2 - 1))
              t <- (ps - 0.5) / se; q <- qt(1 - (1 - niveau) / 2, df)
              list(estimate = ps, std_error = se, statistic = t, df = df, p_value = 2 * pt(-abs(t), df), conf_low = ps - q * se, conf_high = ps + q * se)
            }
            complet <- function(u, colonnes) u[complete.cases(u[, colonnes, drop = FALSE]), , drop = FALSE]
            bloc <- function(nom, expr) tryCatch(expr, error = function(e) cat(sprintf("! %s : %s\n", nom, conditionMessage(e))))


            """);
        foreach (var spec in protocol.Analyses) Analysis(r, protocol, spec, variable);
        r.Append("""

            # Ajustement des p-valeurs : par analyse et contraste sur les indicateurs, ou sur toute une famille de tests.
            res <- do.call(rbind, lignes)
            res$p_adjusted <- NA_real_
            effets <- res$term == "effet"
            for (f in unique(res$family[effets & res$adjust != "none"])) {
              k <- which(effets & res$family == f)
              if (length(k) >= 2) res$p_adjusted[k] <- p.adjust(res$p_value[k], method = res$adjust[k[1]])
            }

            # Comparaison avec les valeurs d'ImpactEval (les seuils d'un logit ordonné dans leur ordre).
            ie$term <- ifelse(grepl("|", ie$term, fixed = TRUE), NA, "effet")
            for (k in unique(ie$analysis)) for (o in unique(ie$outcome)) for (c in unique(ie$contrast)) {
              s <- which(ie$analysis == k & ie$outcome == o & ie$contrast == c & is.na(ie$term))
              if (length(s) > 0) ie$term[s] <- paste0("seuil:", seq_along(s))
            }
            champs <- c("estimate", "std_error", "statistic", "df", "p_value", "p_adjusted", "conf_low", "conf_high")
            cle <- function(x) paste(x$analysis, x$outcome, x$contrast, x$term, sep = "\r")
            m <- match(cle(res), cle(ie))
            sortie <- list()
            for (i in seq_len(nrow(res))) {
              j <- m[i]
              tol <- if (res$iterative[i]) 1e-6 else 1e-8
              for (champ in champs) {
                r_val <- res[[champ]][i]
                if (is.na(r_val)) next
                ie_val <- if (is.na(j)) NA else ie[[champ]][j]
                ecart <- if (is.na(ie_val)) NA else if (is.infinite(r_val) || is.infinite(ie_val)) ifelse(r_val == ie_val, 0, Inf) else abs(ie_val - r_val) / max(1, abs(r_val))
                sortie[[length(sortie) + 1]] <- data.frame(analysis = res$analysis[i], outcome = res$outcome[i], contrast = res$contrast[i], term = res$term[i],
                  field = champ, impacteval = ie_val, r = r_val, relative_difference = ecart, tolerance = tol, ok = !is.na(ecart) && ecart <= tol, stringsAsFactors = FALSE)
              }
            }
            comparaison <- do.call(rbind, sortie)
            write.csv(comparaison, file.path(dossier, "comparaison.csv"), row.names = FALSE)
            options(width = 200)
            effets <- comparaison[comparaison$term == "effet" & comparaison$field %in% c("estimate", "std_error", "p_value"), ]
            for (i in seq_len(nrow(effets))) with(effets[i, ], cat(sprintf("%-4s %-18s %-16s %-10s ImpactEval %.15g   R %.15g   %s\n",
              analysis, outcome, contrast, field, impacteval, r, if (ok) "ok" else "DIFFÉRENT")))
            ecarts <- comparaison[!comparaison$ok, ]
            cat(sprintf("\n%d valeurs comparées (%d estimations) : %d identiques à la tolérance, %d différentes. Écart relatif maximal : %.3g.\n",
              nrow(comparaison), sum(res$term == "effet"), sum(comparaison$ok), nrow(ecarts), max(comparaison$relative_difference, na.rm = TRUE)))
            if (nrow(ecarts) > 0) { print(ecarts); quit(status = 1) }

            """);
        return r.ToString();
    }

    private static void Analysis(StringBuilder r, Protocol protocol, AnalysisSpec spec, Dictionary<string, string> variable)
    {
        var focal = protocol.FocalGroup.Code;
        var comparisons = spec.Contrasts.Select(c => c.ComparisonCode).Distinct().ToList();
        var level = spec.ConfidenceLevel.ToString("R", CultureInfo.InvariantCulture);
        var family = spec.FamilyCode is { } f ? protocol.Families.First(x => x.Code == f) : null;
        var multiplicity = family?.Multiplicity ?? spec.Multiplicity;
        var adjust = multiplicity switch { Multiplicity.Holm => "holm", Multiplicity.Hochberg => "hochberg", Multiplicity.BenjaminiHochberg => "BH", _ => "none" };
        var variance = spec.Variance is { } v ? Vocabulary.WordFor(Vocabulary.Variances, v) : "";
        var df = spec.DegreesOfFreedom is { } dfr ? Vocabulary.WordFor(Vocabulary.DegreesOfFreedom, dfr) : "";
        if (protocol.Cluster is null && variance.StartsWith("CR", StringComparison.Ordinal)) (variance, df) = spec.Estimator.IsLikelihood() ? ("classique", "") : ("HC2", "residuel");
        var covariates = spec.CovariateCodes.Select(c => (Column: variable[c], Categorical: protocol.FindCovariate(c)!.Scale.Type == ValueType.Categorical)).ToList();
        var iterative = spec.Estimator.IsLikelihood() || spec.Estimator == Estimator.Weighting ? "TRUE" : "FALSE";
        r.Append($"# --- {spec.Code} : {Vocabulary.WordFor(Vocabulary.Estimators, spec.Estimator)}, {(spec.Estimator.FitsModel() ? (spec.IsJoint ? "modèle joint" : "modèle par comparaison") : "deux échantillons")}")
         .Append(variance.Length > 0 ? $", variance {variance}" : "").Append(df.Length > 0 ? $", ddl {df}" : "").Append(" ---\n");
        r.Append($"bloc({Quote(spec.Code)}, {{\n");
        if (spec.Estimator == Estimator.Weighting)
        {
            // The propensity model: every enrolment with complete covariates, all the protocol's groups.
            r.Append($"  groupes <- c({string.Join(", ", protocol.Groups.Select(g => Quote(g.Code)))})\n");
            r.Append($"  ps_colonnes <- c({string.Join(", ", covariates.Select(c => Quote(c.Column)))})\n");
        }
        foreach (var outcome in spec.OutcomeCodes)
        {
            var indicator = protocol.FindIndicator(outcome)!;
            var y = variable[AnalysisDataset.Key(outcome, spec.WaveCode)];
            var y0 = spec.BaselineWaveCode is { } bw ? variable[AnalysisDataset.Key(outcome, bw)] : null;
            List<List<string>> fits = spec.IsJoint ? [comparisons] : [.. comparisons.Select(c => new List<string> { c })];
            foreach (var fit in fits)
            {
                var levels = string.Join(", ", new[] { focal }.Concat(fit).Select(Quote));
                r.Append($"  u <- d[d$groupe %in% c({levels}), , drop = FALSE]\n");
                r.Append($"  u$g <- factor(u$groupe, levels = c({levels}))\n");
                r.Append($"  u$.y <- u[[{Quote(y)}]]\n");
                if (y0 is not null) r.Append($"  u$.y0 <- u[[{Quote(y0)}]]\n");
                var terms = covariates.Select(c => $"`{c.Column}`").ToList();
                var adjustment = (y0 is not null && !spec.Estimator.IsChange() && (spec.Estimator != Estimator.Weighting) ? [".y0"] : new List<string>()).Concat(terms).ToList();
                var needed = new List<string> { ".y" };
                if (y0 is not null && spec.Estimator is not Estimator.Weighting && spec.Estimator.FitsModel()) needed.Add(".y0");
                if (spec.Estimator.FitsModel() && spec.Estimator != Estimator.Weighting) needed.AddRange(covariates.Select(c => c.Column));
                r.Append($"  u <- complet(u, c({string.Join(", ", needed.Select(Quote))}))\n");
                var rhs = string.Join(" + ", new[] { "g" }.Concat(adjustment));
                var contrastCodes = fit;
                switch (spec.Estimator)
                {
                    case Estimator.Ancova:
                    case Estimator.DifferenceInDifferences:
                    case Estimator.PairedChange:
                    case Estimator.ClusterBootstrap:
                        var response = spec.Estimator.IsChange() ? "I(.y - .y0)" : ".y";
                        // Difference-in-differences enters every covariate as a number (a categorical one by its level value).
                        var didRhs = spec.Estimator.IsChange()
                            ? string.Join(" + ", new[] { "g" }.Concat(covariates.Select(c => c.Categorical ? $"as.numeric(as.character(`{c.Column}`))" : $"`{c.Column}`")))
                            : rhs;
                        if (spec.Estimator == Estimator.ClusterBootstrap)
                        {
                            r.Append($"  f <- lm({response} ~ {rhs}, data = u)\n");
                            foreach (var c in contrastCodes)
                                r.Append($"  ajoute({Quote(spec.Code)}, {Quote(outcome)}, {Quote($"{focal} vs {c}")}, \"effet\", FALSE, {Family(spec, family, focal, c)}, {Quote(adjust)}, modifyList(manque, list(estimate = -unname(coef(f)[{Quote("g" + c)}]))))\n");
                            break;
                        }
                        r.Append($"  f <- lineaire({response} ~ {didRhs}, u, {Quote(variance)}, {Quote(df)})\n");
                        Effects(r, spec, family, focal, contrastCodes, outcome, adjust, level, iterative, "f$b", "f$se", "f$df", ratio: false);
                        break;
                    case Estimator.Lin:
                        var linCovariates = string.Join(" + ", adjustment);
                        r.Append(adjustment.Count == 0
                            ? $"  f <- lineaire(.y ~ g, u, {Quote(variance)}, {Quote(df)})\n"
                            : $"  fl <- lm_lin(.y ~ g, covariates = ~ {linCovariates}, data = u, {(variance.StartsWith("CR", StringComparison.Ordinal) ? "clusters = .grappe, " : "")}se_type = {Quote(variance switch { "CR1" => "stata", "classique" => "classical", _ => variance })})\n  f <- list(b = fl$coefficients, se = fl$std.error, df = fl$df)\n");
                        if (df == "clusters_moins_un") r.Append("  f$df[] <- length(unique(u$.grappe)) - 1\n");
                        if (df == "satterthwaite" && adjustment.Count > 0) r.Append($"  cat(\"! {spec.Code} : lin avec les degrés de liberté de Satterthwaite n'est pas recalculé par ce script (coef_test sur le modèle de Lin).\\n\")\n  f$df[] <- NA\n");
                        Effects(r, spec, family, focal, contrastCodes, outcome, adjust, level, iterative, "f$b", "f$se", "f$df", ratio: false);
                        break;
                    case Estimator.OrderedLogit:
                    case Estimator.Logistic:
                        var values = string.Join(", ", indicator.Scale.EffectiveLevels.Select(l => l.Value.ToString(CultureInfo.InvariantCulture)));
                        r.Append(spec.Estimator == Estimator.OrderedLogit
                            ? $"  f <- clm(factor(.y, levels = c({values}), ordered = TRUE) ~ {rhs}, data = u, link = \"logit\", control = clm.control(gradTol = 1e-12, relTol = 1e-14, maxIter = 200))\n  b <- c(f$beta, f$alpha)\n"
                            : $"  f <- glm(.y ~ {rhs}, data = u, family = binomial, control = glm.control(epsilon = 1e-14, maxit = 100))\n  b <- coef(f)\n");
                        r.Append($"  s <- sandwich_de(f, u, {Quote(variance)})\n  se <- sqrt(diag(s$v))[names(b)]\n");
                        Effects(r, spec, family, focal, contrastCodes, outcome, adjust, level, iterative, "b", "se", "setNames(rep(s$df, length(b)), names(b))", ratio: true);
                        if (spec.Estimator == Estimator.OrderedLogit)
                        {
                            var contrast = spec.IsJoint ? "" : $"{focal} vs {contrastCodes[0]}";
                            r.Append($"  for (k in seq_along(f$alpha)) ajoute({Quote(spec.Code)}, {Quote(outcome)}, {Quote(contrast)}, paste0(\"seuil:\", k), TRUE, \"\", \"none\", seuil(unname(f$alpha[k]), unname(se[names(f$alpha)[k]]), s$df, {level}))\n");
                        }
                        break;
                    case Estimator.Weighting:
                        var extra = spec.BaselineOutcome && y0 is not null ? $", {Quote(y0)}" : "";
                        r.Append($"  w_d <- complet(d, c(ps_colonnes{extra}))\n");
                        var psTerms = string.Join(" + ", terms.Concat(spec.BaselineOutcome && y0 is not null ? [$"`{y0}`"] : []));
                        r.Append($"  ps <- multinom(factor(groupe, levels = groupes) ~ {(psTerms.Length == 0 ? "1" : psTerms)}, data = w_d, trace = FALSE, maxit = 1000, reltol = 1e-16, abstol = 1e-300)\n");
                        r.Append("  p <- fitted(ps)\n  if (is.null(dim(p))) p <- cbind(1 - p, p)\n  colnames(p) <- groupes\n");
                        r.Append($"  # Poids ATT (WeightIt) : 1 pour le groupe focal, p_focal / p_groupe pour les autres.\n");
                        r.Append($"  poids <- rep(NA_real_, nrow(d))\n  poids[w_d$.ligne] <- p[, {Quote(focal)}] / p[cbind(seq_len(nrow(w_d)), match(w_d$groupe, groupes))]\n");
                        r.Append("  u$.w <- poids[u$.ligne]\n  u <- u[!is.na(u$.w), , drop = FALSE]\n");
                        r.Append($"  f <- lineaire(.y ~ g, u, {Quote(variance)}, {Quote(df)}, poids = u$.w)\n");
                        Effects(r, spec, family, focal, contrastCodes, outcome, adjust, level, iterative, "f$b", "f$se", "f$df", ratio: false);
                        break;
                    default:
                        TwoSample(r, spec, family, focal, contrastCodes[0], outcome, adjust, level);
                        break;
                }
            }
        }
        r.Append("})\n\n");
    }

    private static void Effects(StringBuilder r, AnalysisSpec spec, MultiplicityFamily? family, string focal, List<string> comparisons, string outcome,
        string adjust, string level, string iterative, string b, string se, string df, bool ratio)
    {
        foreach (var c in comparisons)
        {
            var term = Quote("g" + c);
            r.Append($"  ajoute({Quote(spec.Code)}, {Quote(outcome)}, {Quote($"{focal} vs {c}")}, \"effet\", {iterative}, {Family(spec, family, focal, c)}, {Quote(adjust)}, " +
                     $"contraste(unname({b}[{term}]), unname({se}[{term}]), unname({df}[{term}]), {level}{(ratio ? ", rapport = TRUE" : "")}))\n");
        }
    }

    private static void TwoSample(StringBuilder r, AnalysisSpec spec, MultiplicityFamily? family, string focal, string comparison, string outcome, string adjust, string level)
    {
        r.Append($"  x <- u$.y[u$groupe == {Quote(focal)}]\n  y <- u$.y[u$groupe == {Quote(comparison)}]\n");
        var add = $"  ajoute({Quote(spec.Code)}, {Quote(outcome)}, {Quote($"{focal} vs {comparison}")}, \"effet\", FALSE, {Family(spec, family, focal, comparison)}, {Quote(adjust)}, ";
        switch (spec.Estimator)
        {
            case Estimator.DifferenceInMeans:
                r.Append($"  t <- t.test(x, y, conf.level = {level})\n");
                r.Append(add + "list(estimate = unname(t$estimate[1] - t$estimate[2]), std_error = unname(t$stderr), statistic = unname(t$statistic), df = unname(t$parameter), p_value = t$p.value, conf_low = t$conf.int[1], conf_high = t$conf.int[2]))\n");
                break;
            case Estimator.Wilcoxon:
                r.Append($"  w <- suppressWarnings(wilcox.test(x, y))\n  bm <- brunner_munzel(x, y, {level})\n");
                r.Append(add + "modifyList(bm, list(estimate = unname(w$statistic) / (length(x) * length(y)), statistic = unname(w$statistic), p_value = w$p.value)))\n");
                break;
            case Estimator.BrunnerMunzel:
                r.Append(add + $"brunner_munzel(x, y, {level}))\n");
                break;
            case Estimator.RiskDifference:
                r.Append($"""
                      a <- sum(x); n1 <- length(x); cc <- sum(y); n2 <- length(y); p1 <- a / n1; p2 <- cc / n2
                      w1 <- prop.test(a, n1, correct = FALSE, conf.level = {level})$conf.int; w2 <- prop.test(cc, n2, correct = FALSE, conf.level = {level})$conf.int
                      pp <- (a + cc) / (n1 + n2); z <- (p1 - p2) / sqrt(pp * (1 - pp) * (1 / n1 + 1 / n2))

                    """);
                r.Append(add + "list(estimate = p1 - p2, std_error = sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2), statistic = z, df = Inf, p_value = prop.test(c(a, cc), c(n1, n2), correct = FALSE)$p.value, conf_low = p1 - p2 - sqrt((p1 - w1[1])^2 + (w2[2] - p2)^2), conf_high = p1 - p2 + sqrt((w1[2] - p1)^2 + (p2 - w2[1])^2)))\n");
                break;
            default:
                r.Append($"""
                      a <- sum(x); n1 <- length(x); cc <- sum(y); n2 <- length(y); h <- if (a == 0 || cc == 0) 0.5 else 0
                      l <- log(((a + h) / (n1 + 2 * h)) / ((cc + h) / (n2 + 2 * h))); se <- sqrt(1 / (a + h) - 1 / (n1 + 2 * h) + 1 / (cc + h) - 1 / (n2 + 2 * h)); q <- qnorm(1 - (1 - {level}) / 2)

                    """);
                r.Append(add + "list(estimate = exp(l), std_error = se, statistic = l / se, df = Inf, p_value = 2 * pnorm(-abs(l / se)), conf_low = exp(l - q * se), conf_high = exp(l + q * se)))\n");
                break;
        }
    }

    /// <summary>The adjustment group of an effect: its family of tests, or its analysis × contrast.</summary>
    private static string Family(AnalysisSpec spec, MultiplicityFamily? family, string focal, string comparison) =>
        Quote(family is not null ? "famille:" + family.Code : $"{spec.Code}:{focal} vs {comparison}");

    /// <summary>An R string literal (codes are ASCII; quotes and backslashes escaped).</summary>
    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
