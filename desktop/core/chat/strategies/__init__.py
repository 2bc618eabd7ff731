"""The hybrid strategies of the owner's design (one module each). See base.py for the contract."""
