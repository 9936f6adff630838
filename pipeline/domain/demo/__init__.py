"""The SYNTHETIC demo data generator, one module per source, and the benchmark data generator."""
