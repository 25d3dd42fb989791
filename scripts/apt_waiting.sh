# Sourced by setup.sh: apt_waiting COMMAND... runs an apt-get command (sudo in front, if needed) and,
# while another program holds the package manager's lock (an automatic update, a software centre,
# another apt-get), waits for it with a message instead of failing at once: up to
# FRONTDESK_PACKAGE_LOCK_WAIT seconds (300 by default), trying again every FRONTDESK_PACKAGE_LOCK_POLL
# seconds (5). apt-get's own -o DPkg::Lock::Timeout covers the dpkg lock but not the package lists'
# lock that apt-get update takes, hence this loop around both.

apt_waiting() {
    local limit=${FRONTDESK_PACKAGE_LOCK_WAIT:-300} poll=${FRONTDESK_PACKAGE_LOCK_POLL:-5}
    local started=$SECONDS said=0 status errors holder
    errors=$(mktemp)
    while true; do
        status=0
        "$@" 2>"$errors" || status=$?
        if (( status == 0 )) || ! grep -qE "Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock" "$errors"; then
            cat "$errors" >&2
            rm -f "$errors"
            return "$status"
        fi
        holder=$(grep -oE "held by process [0-9]+ \([^)]*\)" "$errors" | head -n 1 || true)
        if (( SECONDS - started >= limit )); then
            cat "$errors" >&2
            rm -f "$errors"
            echo "Le gestionnaire de paquets est toujours occupé après ${limit} s${holder:+ (${holder})} :" \
                 "relancez scripts/setup.sh quand l'autre installation sera finie." >&2
            echo "The package manager is still busy after ${limit} s${holder:+ (${holder})}:" \
                 "run scripts/setup.sh again once the other installation has finished." >&2
            return "$status"
        fi
        if (( ! said )); then
            echo "Un autre programme utilise le gestionnaire de paquets${holder:+ (${holder})} :" \
                 "attente de sa fin (${limit} s au plus)…" >&2
            echo "Another program is using the package manager${holder:+ (${holder})}:" \
                 "waiting for it to finish (up to ${limit} s)…" >&2
            said=1
        fi
        sleep "$poll"
    done
}
