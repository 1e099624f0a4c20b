"""Indonesian language helpers: word classes and name words loaded from the lexicons."""
