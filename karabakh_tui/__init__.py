"""karabakh_tui: a cited chronology of the Nagorno-Karabakh conflict, in the terminal."""

__version__ = "0.1.0"
