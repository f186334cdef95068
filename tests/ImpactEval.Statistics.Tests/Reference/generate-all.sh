#!/usr/bin/env bash
# Regenerates every statistical reference fixture under ../Fixtures from R and statsmodels.
# Needs the Debian packages listed in README.md ("Test requirements"); the tests themselves only read the
# committed JSON. Every script is deterministic (fixed seeds): re-running leaves the fixtures unchanged.
set -euo pipefail
cd "$(dirname "$0")/../../.."
for script in contrasts models regression design workbench; do
  echo "Rscript $script.R"
  Rscript "tests/ImpactEval.Statistics.Tests/Reference/$script.R"
done
# These read fixtures written by the R scripts above.
/usr/bin/python3 tests/ImpactEval.Statistics.Tests/Reference/contrasts_rank.py
/usr/bin/python3 tests/ImpactEval.Statistics.Tests/Reference/design_prng.py
git status --short tests/ImpactEval.Statistics.Tests/Fixtures
