"""Importers: other résumé formats turned into fitscore profiles."""
