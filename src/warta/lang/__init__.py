"""Language data and helpers, by language (`warta.lang.id`: Indonesian)."""
