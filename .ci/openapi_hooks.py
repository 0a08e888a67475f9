"""Schemathesis hooks of .ci/openapi: the run must not edit the account it is logged in with.

Through PUT/PATCH /admin/child_user/{id}/ an admin can deactivate or demote any staff account, its own included,
and through .../update_password/ change its password; done to the caller's own account, that would end or demote
the session under test, and every later case would only see 401 or 403. Such a case is sent to the next account
instead (OPENAPI_OWN_ACCOUNT holds the caller's user id; unset, nothing changes).
"""

import os

import schemathesis

OWN_ACCOUNT = os.environ.get("OPENAPI_OWN_ACCOUNT", "")
ACCOUNT_ROUTES = {"/admin/child_user/{id}/", "/admin/child_user/{id}/update_password/"}


@schemathesis.hook
def before_call(context, case, **kwargs):
    parameters = case.path_parameters
    if OWN_ACCOUNT and case.operation.path in ACCOUNT_ROUTES and parameters and str(parameters.get("id")) == OWN_ACCOUNT:
        parameters["id"] = int(OWN_ACCOUNT) + 1
