"""Tools for content maintainers: what went wrong in conversations (`make review`), applying the
reviewed proposals (`make review-toepassen`) and what the assistant covers (`make dekking`).

One module per job; the command line is in cli.py, the folders in paths.py.
"""
