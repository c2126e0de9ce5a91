"""Checking: rules over the model, and reports of problems for people and CI."""
