"""Indonesian language helpers shared by components: morphology, function words, word classes, name words."""
