"""Coding many articles: in this process, on all local cores, or on a Dask cluster.

Every backend yields ``(article, events | error)`` in input order, so whatever writes the results
gets the same sequence from each and the database comes out the same.
"""

from tidings.batch.local import code_local

__all__ = ["code_local"]
