"""`python -m warta.knowledge`: build every table start-up reads from the user cache (e.g. once at
install, so that the first `warta extract` is as quick as the later ones) and print the folder."""

from warta.knowledge import cache

cache.prepare()
print(cache.cache_dir())
