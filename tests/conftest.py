import sys
from pathlib import Path

# test helpers (events_eval) live beside the tests
sys.path.insert(0, str(Path(__file__).parent))
