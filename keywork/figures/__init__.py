"""The service's figures, each defined once with its definition in words (catalogue.py), used by
every page, file and API route that shows it."""
