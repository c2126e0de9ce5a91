"""Diffs: how journeys changed between two revisions, for reviewers."""
