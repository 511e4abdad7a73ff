"""``python -m factcheck`` runs the command line."""

from factcheck.cli import run

if __name__ == "__main__":
    run()
