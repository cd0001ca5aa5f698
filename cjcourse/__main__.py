import sys

from cjcourse.cli import main

sys.exit(main())
