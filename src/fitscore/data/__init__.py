"""Knowledge shipped as data: scoring weights and rules, degree fields, publication venues."""
