"""The workshop: technicians, bays and the work done in them."""
