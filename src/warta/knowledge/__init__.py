"""World knowledge built from data: countries, places, titles.  Loaded once, cached."""
