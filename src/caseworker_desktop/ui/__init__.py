"""The Qt desktop front end. Everything below here may import PySide6; nothing else may."""
