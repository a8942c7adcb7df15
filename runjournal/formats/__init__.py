"""Readers and writers of files of other shapes: JSON, CSV, export, importers."""
