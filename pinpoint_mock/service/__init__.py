"""The service: one module or package per family of ``pinpoint-sms-voice-v2``.

- ``registrations/``: registrations, their versions, field values, attachments, associations,
  the review and the catalogue of types;
- ``phone_numbers``, ``pools``, ``sender_ids``: origination identities;
- ``keywords``, ``opt_out_lists`` (and opted-out numbers), ``policies`` (resource policies),
  ``configuration_sets`` (event destinations and defaults), ``tags`` (every taggable kind);
- ``sending/`` (sends, their events, inbound messages, CarrierLookup),
  ``verified_destinations`` and ``account`` (attributes, limits, spend limits);
- ``options``: what the mock, the marker and the server are told;
- ``table``: imports every family and fills the engine's operation table; the faces import it
  at the first activation, so ``import pinpoint_mock`` stays cheap.
"""
