"""`make loadtest`: the production topology under a mixed load, with faults (bench/README.md)."""
