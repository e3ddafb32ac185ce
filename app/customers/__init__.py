"""Customers (people and companies), their phones and consents."""
