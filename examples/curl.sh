#!/bin/sh
# Ten accounts of your scope and what the call cost, with the rate-limit headers.
#   PREAU_URL=https://ent.example.fr PREAU_TOKEN=preau_… sh examples/curl.sh
# Scope directory:read.
set -eu
: "${PREAU_URL:?Définissez PREAU_URL}" "${PREAU_TOKEN:?Définissez PREAU_TOKEN}"
curl -sS --fail-with-body "$PREAU_URL/graphql" \
  -H "Authorization: Bearer $PREAU_TOKEN" -H 'Content-Type: application/json' \
  -d '{"query":"{ users(first: 10) { edges { node { id profile activated } } pageInfo { endCursor hasNextPage } } rateLimit { cost remaining resetAt } }"}' \
  -D - | grep -iE '^x-ratelimit|^retry-after|^\{'
