"""Vehicles: registration data, owners over time, mileage readings and service history."""
