# Brunner-Munzel reference values for the ordinal two-group contrast (RankContrasts).
#
# Run from the worktree root, AFTER contrasts.R (it reads the datasets that script wrote):
#   /usr/bin/python3 tests/ImpactEval.Statistics.Tests/Reference/contrasts_rank.py
#
# Produced with: Python 3.11 (Debian 12), statsmodels 0.13.5, scipy 1.10.1, numpy 1.24.2.
#
# statsmodels.stats.nonparametric.rank_compare_2indep(x, y, use_t=True) estimates
# p = P(X > Y) + 0.5 P(X = Y) with the Brunner-Munzel variance and a t reference whose degrees of
# freedom are of Welch-Satterthwaite type; conf_int() is the t interval on the probability scale.
# scipy.stats.brunnermunzel is an independent second implementation of the test (its statistic has
# the opposite sign: it is written for P(X < Y)).
import json
import math
import os

import numpy as np
import scipy
import scipy.stats
import statsmodels
from statsmodels.stats.nonparametric import rank_compare_2indep

FIXTURES = "tests/ImpactEval.Statistics.Tests/Fixtures/contrasts"


def clean(values):
    return np.array([v for v in values if v is not None], dtype=float)


def main():
    with open(os.path.join(FIXTURES, "rank.json"), encoding="utf-8") as f:
        rank = json.load(f)
    cases = []
    for case in rank["cases"]:
        if case["name"].startswith("complete_separation"):
            continue  # zero Brunner-Munzel variance: statsmodels divides by zero; C# tests it apart.
        x, y = clean(case["x"]), clean(case["y"])
        res = rank_compare_2indep(x, y, use_t=True)
        lo95, hi95 = res.conf_int(alpha=0.05)
        lo90, hi90 = res.conf_int(alpha=0.10)
        sup = res.test_prob_superior(value=0.5)
        sp = scipy.stats.brunnermunzel(x, y, alternative="two-sided", distribution="t")
        cases.append({
            "name": case["name"],
            "prob_superiority": float(res.prob1),
            "se": float(math.sqrt(res.var / res.nobs)),
            "statistic": float(res.statistic),
            "statistic_test_prob_superior": float(sup.statistic),
            "df": float(res.df),
            "p": float(res.pvalue),
            "lower95": float(lo95), "upper95": float(hi95),
            "lower90": float(lo90), "upper90": float(hi90),
            "scipy_statistic": float(sp.statistic), "scipy_p": float(sp.pvalue),
        })
    out = {
        "versions": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__,
                     "numpy": np.__version__},
        "cases": cases,
    }
    with open(os.path.join(FIXTURES, "brunner_munzel.json"), "w", encoding="utf-8") as f:
        json.dump(out, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
