"""The service advisor's reception screen: find, vehicle card, appointments, check-in, order."""
