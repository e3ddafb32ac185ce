"""Users, roles, permissions, passwords and the audit log."""
