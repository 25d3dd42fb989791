"""Reusable FrontDesk widgets."""
