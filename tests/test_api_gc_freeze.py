"""`api.warm_up` moves what the pipeline built out of the garbage collector's passes (gc.freeze), once."""

import gc

from warta import api


def test_warm_up_freezes_what_was_built_once():
    gc.unfreeze()
    try:
        pipeline = api.make_pipeline(["sentences"])
        api.warm_up(pipeline)
        frozen = gc.get_freeze_count()
        assert frozen > 0
        later = [[i] for i in range(1000)]  # made after the warm-up: the collector still sees them
        api.warm_up(pipeline)  # already warm: no second freeze
        assert gc.get_freeze_count() == frozen
        assert any(x is later for x in gc.get_objects())
    finally:
        gc.unfreeze()
