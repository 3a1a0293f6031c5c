"""Benchmarks of Meldingenmonitor Rijk: a harness run by hand (`python -m bench run`), not tests."""
