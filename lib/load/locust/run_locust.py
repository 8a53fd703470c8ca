"""Runs Locust unchanged, but with the version its package manager installed.

Debian's python3-locust 2.12.1-1 (bookworm) ships locust/_version.py with version = ''.
Its workers then announce an empty version, and a master drops them as "An old (pre 2.0)
worker tried to connect", so distributed mode never starts. When LOCUST_VERSION is set
(.ci/locust.sh takes it from dpkg), it stands in for that file before Locust is imported.
Usage: LOCUST_VERSION=2.12.1 python3 run_locust.py <locust arguments>
"""

import os
import sys
import types

version = os.environ.get("LOCUST_VERSION")
if version:
    installed = types.ModuleType("locust._version")
    installed.version = version
    sys.modules["locust._version"] = installed

from locust.main import main  # noqa: E402  (must come after the version is in place)

sys.argv[0] = "locust"
sys.exit(main())
