"""The main window and what lives in it: toolbar, status badge, conversation list, keyboard, menus and the dialogs it opens."""
