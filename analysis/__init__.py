"""Statistical core of the under-reporting estimate: plain functions for the pages and the CLI."""
