"""Allow ``python -m report_lib``."""

import sys

from report_lib.cli import main

sys.exit(main())
