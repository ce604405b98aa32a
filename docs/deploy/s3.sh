#!/usr/bin/env bash
# An S3-style bucket (AWS S3, MinIO, Viettel/VNPT object storage with an S3 API) behind a CDN.
# Build with: SITE_URL=<the published address> python -m site_builder build --strict --precompress
# then: BUCKET=s3://<bucket> bash docs/deploy/s3.sh, from the folder that holds site/ (SITE_DIR=public
# for another folder; S3_ENDPOINT=https://… for an S3 API other than AWS's).
# Objects are uploaded with their encoding and caching headers; the security headers
# (which a bucket cannot send) are set on the CDN, e.g. a CloudFront response headers policy:
#   Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'
#   and for /vi/embed/* and /en/embed/*: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self' https://portal.example.gov.vn
#   X-Content-Type-Options: nosniff (every response)
#   Referrer-Policy: strict-origin-when-cross-origin
#   and for /admin/* (the CMS, docs/cms.md, only when built with `python -m site_builder cms`): default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self' data: blob: https://git.example.gov.vn; worker-src 'self' blob:; frame-src 'self' blob:; manifest-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'
set -euo pipefail
BUCKET=${BUCKET:?set BUCKET=s3://<bucket>}
endpoint=()
if [ -n "${S3_ENDPOINT:-}" ]; then endpoint=(--endpoint-url "$S3_ENDPOINT"); fi
cd "${SITE_DIR:-site}"
cache_for() {  # hashed file names can be cached for a year, the rest is revalidated
  case "$1" in
    */assets/stylesheets/*|*/assets/javascripts/*|*/pagefind/fragment/*|*/pagefind/index/*)
      echo "public, max-age=31536000, immutable" ;;
    *) echo "no-cache" ;;
  esac
}
# 1. Every file as it is (removing what the new build no longer has).
aws "${endpoint[@]}" s3 sync . "$BUCKET" --exclude "*.gz" --delete --cache-control "no-cache"
# 2. Files that have a pre-compressed copy: put the .gz bytes under the plain name.
find . -name "*.gz" | while read -r gz; do
  plain="${gz%.gz}"
  case "$plain" in
    *.html) type="text/html; charset=utf-8" ;; *.css) type="text/css" ;; *.js) type="text/javascript" ;;
    *.json) type="application/json" ;; *.xml) type="application/xml" ;; *.svg) type="image/svg+xml" ;;
    *.csv) type="text/csv; charset=utf-8" ;; *.ics) type="text/calendar; charset=utf-8" ;; *) type="text/plain" ;;
  esac
  aws "${endpoint[@]}" s3 cp "$gz" "$BUCKET/${plain#./}" --content-encoding gzip --content-type "$type" \
    --cache-control "$(cache_for "$plain")"
done
