"""Sending and receiving: the sends (:mod:`.sends`), the events they emit (:mod:`.events`),
inbound messages (:mod:`.receive`) and CarrierLookup (:mod:`.carrier_lookup`)."""
