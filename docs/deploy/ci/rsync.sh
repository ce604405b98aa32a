#!/usr/bin/env bash
# The rsync deploy of the pipelines (github-actions.yml, gitea-actions.yml): each unit's built
# section to <DEPLOY_PATH>/<unit-id>/ on your server over SSH, and a root page listing them.
#   bash docs/deploy/ci/rsync.sh FOLDER    (FOLDER holds site-<unit-id>/, the build artifacts)
# From the pipeline's variables and secrets:
#   DEPLOY_HOST       the server
#   SSH_KNOWN_HOSTS   the server's host key line(s), from `ssh-keyscan -t ed25519 <host>` checked
#                     against the key the server shows on its own console: without it, SSH
#                     refuses the host ("Host key verification failed"), as it should
#   SSH_KEY           the private key of the deploy account (a secret)
#   DEPLOY_USER       optional, default deploy; DEPLOY_PATH optional, default /srv/asean-section
# Runs in the checkout with the runtime dependencies installed (for the root page).
set -euo pipefail
artifacts=${1:?usage: rsync.sh FOLDER}
if [ -z "${DEPLOY_HOST:-}" ] || [ -z "${SSH_KNOWN_HOSTS:-}" ] || [ -z "${SSH_KEY:-}" ]; then
  echo "Thiếu DEPLOY_HOST, SSH_KNOWN_HOSTS hoặc SSH_KEY: đặt chúng trong biến và bí mật của pipeline" >&2
  echo "    DEPLOY_HOST, SSH_KNOWN_HOSTS or SSH_KEY is missing: set them in the pipeline's variables and secrets" >&2
  exit 1
fi
user=${DEPLOY_USER:-deploy}
target=${DEPLOY_PATH:-/srv/asean-section}

install -d -m 700 "$HOME/.ssh"
printf '%s\n' "$SSH_KNOWN_HOSTS" > "$HOME/.ssh/known_hosts"
install -m 600 /dev/null "$HOME/.ssh/deploy_key"
printf '%s\n' "$SSH_KEY" > "$HOME/.ssh/deploy_key"
ssh="ssh -i $HOME/.ssh/deploy_key -o StrictHostKeyChecking=yes -o UserKnownHostsFile=$HOME/.ssh/known_hosts -o BatchMode=yes"

site=$(mktemp -d)
for d in "$artifacts"/site-*/; do
  unit=$(basename "$d")
  mv "$d" "$site/${unit#site-}"
done
python -m site_builder units --index "$site"
for d in "$site"/*/; do
  rsync -a --delete -e "$ssh" "$d" "$user@$DEPLOY_HOST:$target/$(basename "$d")/"
done
rsync -a -e "$ssh" "$site/index.html" "$user@$DEPLOY_HOST:$target/index.html"
