"""``python -m bestvalue``: the command line."""

import sys

from bestvalue.cli import main

sys.exit(main())
