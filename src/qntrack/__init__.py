"""qntrack: track quantified policy targets the way official statistics bodies do."""

__version__ = "0.1.0"
