"""The packaged-app test runs only on request (ZANTARA_TEST_PACKAGE=1): building the app takes minutes, so
the default suite never builds it nor collects this folder's tests; `make package` smoke-tests every build."""

from __future__ import annotations

import os

collect_ignore_glob = [] if os.environ.get("ZANTARA_TEST_PACKAGE") == "1" else ["test_*.py"]
