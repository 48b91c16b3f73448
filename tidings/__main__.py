"""`python -m tidings ...` runs the command line."""
from .cli import app

app(prog_name="tidings")
