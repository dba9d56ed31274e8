"""Schemathesis checks of scripts/fuzz.sh for GraphQL (loaded with SCHEMATHESIS_HOOKS=fuzz_checks).

Schemathesis reads any GraphQL error raised in a resolver as a server error unless it carries a client marker; an
access refusal (403 on a mutation an anonymous caller may not run) is the API working. A server error here is what
it is over REST: an HTTP 5xx, or an error whose status (Payload's extensions.statusCode) is 5xx or missing.
"""
import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

# Payload's custom scalars. JSON / JSONObject take any JSON value: short strings (and, for objects, empty objects)
# are enough to reach the resolvers; EmailAddress and DateTime as their formats say.
schemathesis.graphql.scalar("JSON", st.text(max_size=20).map(nodes.String))
schemathesis.graphql.scalar("JSONObject", st.just(nodes.Object([])))
schemathesis.graphql.scalar("EmailAddress", st.emails().map(nodes.String))
schemathesis.graphql.scalar("DateTime", st.datetimes().map(lambda d: nodes.String(d.isoformat() + "Z")))


@schemathesis.check
def graphql_no_server_error(ctx, response, case):
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}")
    try:
        body = response.json()
    except ValueError:
        raise AssertionError("response is not JSON")
    for error in (body or {}).get("errors") or []:
        extensions = error.get("extensions") or {}
        status = extensions.get("statusCode")
        # Query validation errors (no resolver ran) carry no path and no status: the client's.
        if status is None and "path" not in error:
            continue
        if status is None or status >= 500:
            raise AssertionError(f"GraphQL server error {status}: {error.get('message')}")
    return None
