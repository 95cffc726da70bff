"""Korea Watch: a sourced, queryable record of what happened in and around North Korea."""

__version__ = "0.1.0"
