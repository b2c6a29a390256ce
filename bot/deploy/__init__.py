"""Deployment settings of a running instance: where conversations are kept, and for how long."""
