"""Logging opt-out requests and the queue that processes them."""
