"""cjcourse: learn, map and measure the Customer Journey (el viaje del cliente) in Jupyter.

The public API grows module by module; see the README for the map of the package.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]
