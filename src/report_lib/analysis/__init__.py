"""Pure analysis: pandas in, pandas out; no labels, no Altair, no file I/O. One survey topic per module."""
