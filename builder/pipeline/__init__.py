"""The pipeline: the one read -> annotate -> correct -> index -> render path, the build around it
(atomic output, cache, incremental, locks), and the commands that run it."""
