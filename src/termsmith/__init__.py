"""termsmith: offline multilingual legal terminology: extract, translate, review, look up."""

__version__ = "0.1.0"
