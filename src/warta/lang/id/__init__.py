"""Indonesian language helpers shared by components: tokenisation, morphology, function words, name rules, titles and phrase tables."""
