"""What the screen gallery shows (no Qt): the demo records each screen is opened on."""
