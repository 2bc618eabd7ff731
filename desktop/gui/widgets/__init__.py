"""Reusable widgets and the app's look: theme, focus ring, flow layout, Qt's own widgets in the user's language."""
