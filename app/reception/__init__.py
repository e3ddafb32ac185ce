"""The service advisor's front desk: what the reception screen shows at a glance."""
