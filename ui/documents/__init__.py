"""Showing, printing and saving PDF documents."""
