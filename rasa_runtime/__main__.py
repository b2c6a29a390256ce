"""python -m rasa_runtime run|shell|interactive|train|test|data …  (see rasa_runtime/__init__.py)"""

import sys

from rasa_runtime import main

sys.exit(main())
