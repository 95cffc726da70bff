"""Tests of the cross-article stage."""
