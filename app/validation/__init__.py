"""Input validators: plain Python, no Qt, no database.

Each validator takes what the user typed (full-width characters from Chinese input methods,
stray spaces and separators included) and returns the normalised value to store, or raises
``app.errors.ValidationError`` naming the field and saying what is expected.

- ``text``: text clean-up, required/maximum-length checks, SQL ``LIKE`` escaping.
- ``vin``: vehicle identification numbers (ISO 3779, check digit).
- ``plates``: Chinese licence plates (regular, new-energy, special).
- ``phones``: phone numbers (E.164, masking, suffix-search key).
- ``taxids``: tax ids (Chinese Unified Social Credit Code and foreign numbers).
"""
