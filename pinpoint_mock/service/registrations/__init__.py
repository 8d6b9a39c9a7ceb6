"""The registration domain: records, lifecycle, operations and the review API."""
