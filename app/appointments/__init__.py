"""Appointments (双向预约): inbound bookings and outbound invitations per advisor and hour."""
