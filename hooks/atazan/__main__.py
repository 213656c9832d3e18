import sys

from atazan.tools.cli import main

sys.exit(main())
