"""The engine: what answers any operation of the service, knowing none of them.

The botocore seam (``_botocore``, ``_aiobotocore``, ``hook``), the wire format (``wire``), the
way from a request to its handler (``dispatch``, ``validation`` from botocore's ``model``), the
state (``store``, resource kinds as data in ``resources``), and what every family shares:
``listing`` and ``pagination``, ``idempotency``, ``arns``, ``ids``, ``errors``, ``options``.
Nothing here imports :mod:`pinpoint_mock.service`.
"""
