"""Building blocks of the Crash Atlas demo corpus (see ../generate.py)."""
