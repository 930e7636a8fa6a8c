"""SMS backends: console (local), locmem (tests) and Twilio (production)."""
