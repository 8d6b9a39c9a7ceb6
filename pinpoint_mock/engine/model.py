"""botocore's service model for pinpoint-sms-voice-v2: loaded once, lazily, on first use."""

from __future__ import annotations

import functools

from botocore.exceptions import UnknownRegionError
from botocore.loaders import Loader
from botocore.model import NoShapeFoundError, OperationModel, ServiceModel, Shape, StringShape
from botocore.regions import EndpointResolver

SERVICE_NAME = "pinpoint-sms-voice-v2"
TARGET_PREFIX = "PinpointSMSVoiceV2"


@functools.cache
def service_model() -> ServiceModel:
    data = Loader().load_service_model(SERVICE_NAME, "service-2")
    return ServiceModel(data, service_name=SERVICE_NAME)


@functools.cache
def partition(region: str) -> str:
    """The partition ``region`` is in (``aws``, ``aws-us-gov``, ``aws-cn``, ...), as botocore's
    endpoint data says; ``aws`` for a Region it does not know."""
    resolver = EndpointResolver(Loader().load_data("endpoints"))
    try:
        return str(resolver.get_partition_for_region(region))
    except UnknownRegionError:
        return "aws"


@functools.cache
def operation(name: str) -> OperationModel:
    return service_model().operation_model(name)


@functools.cache
def operation_names() -> frozenset[str]:
    return frozenset(service_model().operation_names)


@functools.cache
def enum(shape_name: str) -> tuple[str, ...]:
    """The enum values of a string shape, or () when the installed model lacks the shape."""
    model = service_model()
    if shape_name not in model.shape_names:
        return ()
    shape = model.shape_for(shape_name)
    assert isinstance(shape, StringShape)
    return tuple(shape.enum)


@functools.cache
def members(shape_name: str) -> frozenset[str]:
    """Member names of a structure shape in the installed model (none when an older model
    lacks the shape, as it lacks the operation that has it)."""
    try:
        shape: Shape = service_model().shape_for(shape_name)
    except NoShapeFoundError:
        return frozenset()
    return frozenset(getattr(shape, "members", {}))


def knows_status(status: str) -> bool:
    """Whether the installed model's version status enum has ``status``."""
    return status in enum("RegistrationVersionStatus")
