#!/usr/bin/env bash
# Installs, or updates, the portal on a Debian 12 or 13 server: the README's deployment steps as
# one script, safe to run again (after a `git pull`, it installs what changed, migrates, collects
# the static files and restarts). CI runs this very script (.ci/run_stack.py).
#
#   git clone <dépôt> /srv/petr/app
#   [STARTER_PACK=nom] /srv/petr/app/deploy/install.sh www.exemple.fr [exemple.fr]
#
# STARTER_PACK, at the first run: the starter pack (starter/<nom>/) the site is built from,
# kept in petr.env; the generic one by default; « aucun » leaves the site empty for new_site.
# As root. The installation directory is the parent of the clone (/srv/petr); the second name,
# redirected to the first, defaults to the first without « www. ». Without a certificate yet,
# everything but nginx is done and the script says how to get one, then to run it again.
set -euo pipefail

SITE_HOST=${1:?"Usage : deploy/install.sh www.exemple.fr [exemple.fr]"}
BARE_HOST=${2:-${SITE_HOST#www.}}
APP=$(cd "$(dirname "$0")/.." && pwd)
HOME_DIR=$(dirname "$APP")
ENV_FILE=$HOME_DIR/petr.env
CERT_DIR=/etc/letsencrypt/live/$SITE_HOST
HAS_SYSTEMD=$([ -d /run/systemd/system ] && echo yes || echo no)

say() { echo "== $*"; }
fail() { echo "ÉCHEC : $*" >&2; exit 1; }
as_petr() { runuser -u petr -- env HOME="$HOME_DIR" "$@"; }
manage() {
  as_petr bash -c 'set -a; . "$1"; set +a; cd "$2"; shift 2; exec .venv/bin/python manage.py "$@"' \
    _ "$ENV_FILE" "$APP" "$@"
}

[ "$(id -u)" = 0 ] || fail "lancez ce script en root (sudo)."
[ "$SITE_HOST" != "$BARE_HOST" ] || fail "donnez en second argument le nom à rediriger vers $SITE_HOST."

say "Paquets Debian"
missing=()
/usr/bin/python3 -c "import ensurepip" 2>/dev/null || missing+=(python3-venv)
for tool in git:git make:make nginx:nginx-light redis-server:redis-server psql:postgresql; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool#*:}")
done
if ((${#missing[@]})); then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

say "Compte petr et dossiers ($HOME_DIR)"
id -u petr >/dev/null 2>&1 || adduser --quiet --system --group --home "$HOME_DIR" petr
chown -R petr:petr "$APP"
chmod 755 "$HOME_DIR"  # nginx (www-data) reads var/static, var/media and, on the portal's word, var/private
install -d -o petr -g petr -m 755 "$HOME_DIR/var" "$HOME_DIR/var/media" "$HOME_DIR/var/static"
install -d -o petr -g www-data -m 750 "$HOME_DIR/var/private"
install -d -o petr -g petr -m 700 "$HOME_DIR/backups"

say "Application (.venv)"
as_petr make -C "$APP" --no-print-directory install PYTHON=/usr/bin/python3

say "Réglages ($ENV_FILE)"
if [ ! -f "$ENV_FILE" ]; then
  secret=$(/usr/bin/python3 -c "import secrets; print(secrets.token_urlsafe(50))")
  sed -e "s|^SITE_URL=.*|SITE_URL=https://$SITE_HOST|" -e "s|^SECRET_KEY=.*|SECRET_KEY=$secret|" \
    -e "s|^PETR_VAR_DIR=.*|PETR_VAR_DIR=$HOME_DIR/var|" \
    -e "s|^STARTER_PACK=.*|STARTER_PACK=${STARTER_PACK:-generique}|" \
    "$APP/deploy/petr.env.example" > "$ENV_FILE"
  echo "   créé : renseignez le serveur de courriel (EMAIL_*) puis relancez ce script."
fi
chown petr:petr "$ENV_FILE"
chmod 600 "$ENV_FILE"

say "Base de données"
if grep -q '^DATABASE_URL=postgres://petr@/petr$' "$ENV_FILE"; then
  pg() { runuser -u postgres -- psql -qtAc "$1"; }
  [ "$(pg "SELECT 1 FROM pg_roles WHERE rolname = 'petr'")" = 1 ] \
    || runuser -u postgres -- createuser petr
  [ "$(pg "SELECT 1 FROM pg_database WHERE datname = 'petr'")" = 1 ] \
    || runuser -u postgres -- createdb -O petr petr
fi
manage migrate --no-input
manage collectstatic --no-input --verbosity 0
manage seed_site
manage check --deploy --fail-level WARNING

say "Services (systemd)"
for unit in "$APP"/deploy/systemd/*; do
  sed "s|/srv/petr|$HOME_DIR|g" "$unit" > "/etc/systemd/system/$(basename "$unit")"
done
if [ "$HAS_SYSTEMD" = yes ]; then
  systemctl daemon-reload
  systemctl enable --now petr-web.socket petr-web.service petr-worker.service \
    petr-backup.timer petr-territory.timer petr-daily.timer petr-newsletter.timer
  systemctl restart petr-web.service petr-worker.service
else
  echo "   systemd absent : démarrez vous-même les commandes des unités petr-web et petr-worker."
fi

say "nginx"
install -d -o www-data -g www-data /var/cache/nginx/petr /var/cache/nginx/petr-media
sed -e "s|www\.petr\.example|@SITE@|g" -e "s|petr\.example|$BARE_HOST|g" -e "s|@SITE@|$SITE_HOST|g" \
  -e "s|/srv/petr|$HOME_DIR|g" "$APP/deploy/nginx/petr.conf" > /etc/nginx/sites-available/petr
if [ ! -f "$CERT_DIR/fullchain.pem" ]; then
  cat <<EOF
   Pas encore de certificat pour $SITE_HOST. Une fois les noms pointés sur ce serveur :
     certbot certonly --standalone -d $SITE_HOST -d $BARE_HOST \\
       --pre-hook "systemctl stop nginx" --post-hook "systemctl start nginx"
   puis relancez : $0 $SITE_HOST $BARE_HOST
EOF
  exit 0
fi
ln -sfn ../sites-available/petr /etc/nginx/sites-enabled/petr
rm -f /etc/nginx/sites-enabled/default
nginx -t -q
if [ "$HAS_SYSTEMD" = yes ]; then
  systemctl reload-or-restart nginx
elif [ -s /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
  nginx -s reload
else
  nginx
fi
say "Installé : https://$SITE_HOST/ (créez le premier compte : voir le README, étape 4)"
