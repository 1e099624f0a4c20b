"""Indonesian language helpers shared by components: tokenising, word classes, titles and roles."""
