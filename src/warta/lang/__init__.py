"""Language helpers: data and small analysers for the languages warta reads (`warta.lang.id`: Indonesian)."""
