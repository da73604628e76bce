"""Writes docs/data-model.md from the models themselves (`manage.py datamodel`), so the document
cannot drift from them: a test fails when the committed file differs. It reads every app, so it
sits at the top of the layers and no app imports it. The writing is in `document.py`.
"""
