"""Preparing a second interview around the mock sessions: debrief, story bank, questions to ask, follow-up."""
