"""Publishing: the site build, the bank-type variants, their cache, nbval references, on-demand renders and the PDF.

No page imports this layer; only the command line does.
"""
