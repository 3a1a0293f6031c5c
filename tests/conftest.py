"""Settings for every test: commits start no background worker unless a test asks for one.

Each commit of the product starts a worker process that computes the derived results
(etl.derivation). Hundreds of test loads would leave hundreds of such processes competing for two
cores, some outliving the temporary warehouse they were started for; tests that are about the
worker set MELDINGEN_DERIVATION themselves (tests/publication/test_worker.py).
"""

import os

os.environ.setdefault("MELDINGEN_DERIVATION", "off")
