"""AWS End User Messaging Notify: configurations, the AWS-managed template and country
catalogue, and templated one-time-passcode sends."""
