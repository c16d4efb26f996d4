#!/usr/bin/env bash
# Installs the Polish dictionary for PostgreSQL full-text search on this machine (root, Debian):
# Debian's hunspell-pl converted to UTF-8 into PostgreSQL's tsearch_data folder, once as it is
# and once with the diacritics folded (ą→a, ł→l, …), which is the one Civitas searches with, so
# "szkoly lodz" finds "szkołach w Łodzi". Run it before the first migration: the migration
# builds the `civitas_search` configuration on the dictionary when it is there, and on `simple`
# otherwise (see README, "Search"). Idempotent.
set -euo pipefail
if [ ! -f /usr/share/hunspell/pl_PL.aff ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hunspell-pl >/dev/null
fi
target="$(pg_config --sharedir)/tsearch_data"
utf8() { iconv -f ISO-8859-2 -t UTF-8 "$1" | sed -e 's/^SET .*/SET UTF-8/'; }
fold() { LC_ALL=C.UTF-8 sed -e 'y/ąćęłńóśźżĄĆĘŁŃÓŚŹŻ/acelnoszzACELNOSZZ/'; }
utf8 /usr/share/hunspell/pl_PL.aff >"$target/polish.affix"
utf8 /usr/share/hunspell/pl_PL.dic >"$target/polish.dict"
utf8 /usr/share/hunspell/pl_PL.aff | fold >"$target/polish_unaccent.affix"
utf8 /usr/share/hunspell/pl_PL.dic | fold >"$target/polish_unaccent.dict"
echo "Polish dictionary installed in $target"
