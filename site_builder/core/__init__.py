"""The lowest layer: words, addresses, problems, caches and translations that every other
layer uses. It imports nothing of the kit but itself (tests/test_layers.py)."""
