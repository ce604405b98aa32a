"""``python -m site_builder``: see :mod:`site_builder.apps.cli`."""

import sys

from site_builder.apps.cli import main

sys.exit(main())
