"""What a notebook cell touches: the page facade (show, glue, table, note), chart rendering and the Sphinx extension."""
