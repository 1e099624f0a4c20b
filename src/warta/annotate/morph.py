"""Moved to `warta.lang.id.morph` (Indonesian morphology is language knowledge, not a component).

Kept as a re-export so that older imports keep working; new code imports `warta.lang.id.morph`.
"""

from warta.lang.id.morph import VOWELS, Analysis, analyses, roots  # noqa: F401  (re-export)
