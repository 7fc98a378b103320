#!/usr/bin/env bash
# The image's runtime without Docker: starts scheduler/target/routeplan.jar the way the Dockerfile's
# image does and checks what an operator relies on. No Docker engine runs here, so the image is
# never built; instead this script reads the Dockerfile and rebuilds its runtime on the host:
#
#   - the jar split by the extract stage's own `java -Djarmode=tools ... extract --layers --launcher`
#     command, the layers copied as the runtime stage's COPY --from lines say into a root-owned code
#     folder (the image's /opt/routeplan);
#   - an app folder (the image's /app, its final WORKDIR) with what the runtime stage's COPY lines
#     take from the build context (config/rules, config/maps; root-owned, read-only, no samples/),
#     and the VOLUME folders (data/ out/ inbox/ tmp/) owned by the USER;
#   - the final stage's ENV, USER, ENTRYPOINT and CMD parsed from the Dockerfile, with only the
#     image's two folders replaced by the temporary ones, run as that uid with setpriv (this runs as
#     root, and root would ignore the read-only permissions).
#
# Then: (a) the CMD (`serve`) answers liveness and readiness UP on a free loopback port and stops
# on SIGTERM with a graceful shutdown; (b) a one-shot `run` of the samples copied into inbox/
# publishes; (c) nothing changed in the app and code folders outside data/ out/ inbox/ tmp/, and
# no file there is world-writable; the app found its config where the image puts it; (d) the backup
# CronJob's command is in the image and runs as its user.
#
#   scripts/validate/image-runtime.sh                      # after the Maven build
#   DOCKERFILE=/tmp/Dockerfile.broken scripts/validate/image-runtime.sh   # check another Dockerfile
#   IMAGE_RUNTIME_KEEP=1 scripts/validate/image-runtime.sh  # keep the folders and logs to look at
#
# Exits non-zero with a line naming the Dockerfile and what failed. Needs root, setpriv, curl, python3.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
DOCKERFILE=${DOCKERFILE:-$ROOT/Dockerfile}
# scheduler/pom.xml: <finalName>routeplan</finalName>
JAR=${ROUTEPLAN_JAR:-$ROOT/scheduler/target/routeplan.jar}
PLAN_DATE=2026-12-01            # the README's example date; the samples' permits and PUCs cover it
START_TIMEOUT=${IMAGE_RUNTIME_START_TIMEOUT:-240}
STOP_TIMEOUT=90                 # the Deployment's terminationGracePeriodSeconds

fail() { echo "validate/image-runtime: $DOCKERFILE: $*" >&2; exit 1; }
step() { echo "== $*"; }

[[ $(id -u) == 0 ]] || fail "must run as root (it chowns the folders and drops to the image's uid with setpriv)"
for tool in setpriv curl python3 java; do
    command -v "$tool" >/dev/null || fail "$tool is not installed"
done
# the runtime stage installs pgbackrest for the backup CronJob's command, checked in (d)
if ! command -v pgbackrest >/dev/null; then
    echo "installing pgbackrest with apt-get"
    apt_install() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q pgbackrest >/dev/null; }
    apt_install || { apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null && apt_install; } || fail "could not install pgbackrest"
fi
[[ -f $DOCKERFILE ]] || fail "no such file"
[[ -f $JAR ]] || fail "no $JAR: run the Maven build first (./mvnw -pl scheduler -am package)"

umask 022   # Docker's: COPY keeps the files' modes, folders it makes are 0755, so are the ones made here
WORK=$(mktemp -d /tmp/image-runtime.XXXXXX)
SERVE_PID=
cleanup() {
    # serve runs in a process group of its own (setsid): this ends it and anything it started
    if [[ -n $SERVE_PID ]]; then
        kill -KILL -- "-$SERVE_PID" 2>/dev/null || true
        wait "$SERVE_PID" 2>/dev/null || true
    fi
    if [[ -n ${IMAGE_RUNTIME_KEEP:-} ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# the image's root filesystem and the extract stage's: everyone may traverse them, as in a container
ROOTFS=$WORK/rootfs
EXTRACTFS=$WORK/extractfs
mkdir -p "$ROOTFS" "$EXTRACTFS"
chmod 0755 "$WORK" "$ROOTFS" "$EXTRACTFS"

# ------------------------------------------------------------------------------------ the Dockerfile
# python3 reads the Dockerfile (continuation lines, JSON-form ENTRYPOINT/CMD, ENV quoting) and writes
# the plan as shell assignments, every value quoted with shlex.quote
step "reading $DOCKERFILE"
python3 - "$DOCKERFILE" "$ROOTFS" "$EXTRACTFS" > "$WORK/plan.sh" <<'PY' || fail "cannot read the image's runtime from it (above)"
import json, posixpath, re, shlex, sys

dockerfile, rootfs, extractfs = sys.argv[1:4]

def die(msg):
    print(msg, file=sys.stderr)
    sys.exit(1)

text = open(dockerfile).read()
lines = [l for l in text.splitlines() if not l.lstrip().startswith("#")]
joined = re.sub(r"\\\n", " ", "\n".join(lines))
instructions = [l.strip() for l in joined.splitlines() if l.strip()]

stages, args = [], {}
for line in instructions:
    word, _, rest = line.partition(" ")
    word, rest = word.upper(), rest.strip()
    if word == "FROM":
        stages.append({"from": rest, "lines": []})
    elif stages:
        stages[-1]["lines"].append((word, rest))
    elif word == "ARG":
        pass
if len(stages) < 2:
    die("expected a multi-stage Dockerfile (an extract stage and a runtime stage)")

def stage_name(stage):
    m = re.search(r"\bAS\s+(\S+)\s*$", stage["from"], re.I)
    return m.group(1) if m else None

def expand(value, stage_args):
    return re.sub(r"\$\{(\w+)\}|\$(\w+)", lambda m: stage_args.get(m.group(1) or m.group(2), m.group(0)), value)

def resolve(workdir, path):
    return posixpath.normpath(path if path.startswith("/") else workdir.rstrip("/") + "/" + path)

def flags_and_paths(rest):
    words = shlex.split(rest)
    flags = {w.split("=", 1)[0]: (w.split("=", 1) + [""])[1] for w in words if w.startswith("--")}
    paths = [w for w in words if not w.startswith("--")]
    return flags, paths

# --- the extract stage: the one whose RUN splits the jar with the tools jar mode
extract = [s for s in stages if any(w == "RUN" and "jarmode=tools" in r for w, r in s["lines"])]
if not extract:
    die("no stage RUNs `java -Djarmode=tools ... extract` (the layered jar's extract stage)")
extract = extract[0]
workdir, jar_dest, extract_cmd, extract_workdir = "/", None, None, "/"
for word, rest in extract["lines"]:
    if word == "WORKDIR":
        workdir = resolve(workdir, rest)
    elif word == "COPY":
        flags, paths = flags_and_paths(rest)
        if "--from" in flags and paths[-2].endswith(".jar"):
            jar_dest = resolve(workdir, paths[-1])
    elif word == "RUN" and "jarmode=tools" in rest:
        extract_cmd, extract_workdir = rest, workdir
if not jar_dest:
    die("the extract stage COPYs no .jar in")
if extract_workdir == "/":
    die("the extract stage RUNs the extract at / (give it a WORKDIR)")
if not re.search(r"extract\b.*--layers", extract_cmd) or "--launcher" not in extract_cmd:
    die("the extract stage's RUN must be `extract --layers --launcher`: " + extract_cmd)

# --- the runtime stage: the last one
final = stages[-1]
stage_args = {}
workdir, code_dir, app_dir, user = "/", None, "/", None
env, layers, context, volumes, entrypoint, cmd = [], [], [], [], None, None
for word, rest in final["lines"]:
    if word == "ARG":
        name, _, default = rest.partition("=")
        stage_args[name.strip()] = default.strip().strip('"')
    elif word == "WORKDIR":
        workdir = resolve(workdir, expand(rest, stage_args))
    elif word == "COPY":
        flags, paths = flags_and_paths(rest)
        src, dest = paths[0], resolve(workdir, paths[-1])
        if len(paths) != 2:
            die("COPY with several sources is not understood here: COPY " + rest)
        if flags.get("--from") == stage_name(extract):
            layers.append((extractfs + src, dest))
            code_dir = dest
        elif "--from" in flags:
            die("the runtime stage copies from a stage other than the extract stage: COPY " + rest)
        else:
            # Docker's rule: a destination ending in / is a folder to copy into, otherwise the copy's own name
            dest += "/" if paths[-1].endswith("/") else ""
            context.append((src, dest, expand(flags.get("--chown", "root:root"), stage_args)))
    elif word == "ENV":
        words = shlex.split(rest)
        if words and "=" not in words[0]:
            env.append((words[0], rest.split(None, 1)[1] if len(words) > 1 else ""))
        else:
            env.extend(tuple(w.split("=", 1)) for w in words)
    elif word == "USER":
        user = expand(rest, stage_args)
    elif word == "VOLUME":
        volumes = json.loads(rest) if rest.startswith("[") else rest.split()
    elif word == "ENTRYPOINT":
        entrypoint = json.loads(rest) if rest.startswith("[") else ["/bin/sh", "-c", rest]
    elif word == "CMD":
        cmd = json.loads(rest) if rest.startswith("[") else ["/bin/sh", "-c", rest]
app_dir = workdir
if not layers:
    die("the runtime stage copies nothing from the extract stage")
if not user or not re.fullmatch(r"\d+(:\d+)?", user):
    die(f"the runtime stage's USER must be a numeric uid[:gid] (is {user!r})")
if entrypoint is None or cmd is None:
    die("the runtime stage needs an ENTRYPOINT and a CMD")
if code_dir == app_dir:
    die("the code and the working directory are one folder: the app could write over its code")
uid, _, gid = user.partition(":")

# the image's two folders become the temporary ones; every other path stays what it is
image_dirs = sorted({code_dir, app_dir}, key=len, reverse=True)
pattern = re.compile(r"(?<![\w./-])(" + "|".join(re.escape(d) for d in image_dirs) + r")(?=/|$|[\s\"'=:,;])")
def host(value):
    return pattern.sub(lambda m: rootfs + m.group(1), value)

def out(name, value):
    print(f"{name}={shlex.quote(value)}")
def out_array(name, values):
    print(f"{name}=(" + " ".join(shlex.quote(v) for v in values) + ")")

out("EXTRACT_JAR", extractfs + jar_dest)
out("EXTRACT_DIR", extractfs + extract_workdir)
out("EXTRACT_CMD", extract_cmd)
out_array("LAYER_SRC", [s for s, _ in layers])
out_array("LAYER_DEST", [rootfs + d for _, d in layers])
out_array("CONTEXT_SRC", [s for s, _, _ in context])
out_array("CONTEXT_DEST", [rootfs + d for _, d, _ in context])
out_array("CONTEXT_OWNER", [o for _, _, o in context])
out_array("WRITABLE", [rootfs + v for v in volumes])
out("IMAGE_CODE", code_dir)
out("IMAGE_APP", app_dir)
out("CODE_DIR", rootfs + code_dir)
out("APP_DIR", rootfs + app_dir)
out("RUN_UID", uid)
out("RUN_GID", gid or uid)
out_array("IMAGE_ENV", [f"{k}={host(v)}" for k, v in env])
out_array("ENTRYPOINT", [host(v) for v in entrypoint])
out_array("CMD", [host(v) for v in cmd])
PY
# shellcheck source=/dev/null
source "$WORK/plan.sh"
echo "   code $IMAGE_CODE, app $IMAGE_APP, user $RUN_UID:$RUN_GID, writable: ${WRITABLE[*]#"$ROOTFS"}"
echo "   ENV ${IMAGE_ENV[*]//"$ROOTFS"/}"

# --------------------------------------------------------------------------- the image's folders
step "extracting the jar as the extract stage does: $EXTRACT_CMD"
mkdir -p "$EXTRACT_DIR" "$(dirname "$EXTRACT_JAR")"
cp "$JAR" "$EXTRACT_JAR"
(cd "$EXTRACT_DIR" && sh -c "$EXTRACT_CMD") > "$WORK/extract.log" 2>&1 \
    || { cat "$WORK/extract.log" >&2; fail "the extract stage's command failed: $EXTRACT_CMD"; }

for i in "${!LAYER_SRC[@]}"; do
    [[ -d ${LAYER_SRC[$i]} ]] || fail "COPY --from: ${LAYER_SRC[$i]#"$EXTRACTFS"} was not made by the extract command"
    mkdir -p "${LAYER_DEST[$i]}"
    cp -a "${LAYER_SRC[$i]}/." "${LAYER_DEST[$i]}/"
done
chown -R root:root "$CODE_DIR"

mkdir -p "$APP_DIR"
for i in "${!CONTEXT_SRC[@]}"; do
    src=$ROOT/${CONTEXT_SRC[$i]}
    [[ -e $src ]] || fail "COPY ${CONTEXT_SRC[$i]}: no such file in the build context"
    dest=${CONTEXT_DEST[$i]}
    if [[ -d $src ]]; then
        mkdir -p "$dest" && cp -a "$src/." "$dest"
    elif [[ $dest == */ ]]; then
        mkdir -p "$dest" && cp -a "$src" "$dest"
    else
        mkdir -p "$(dirname "$dest")" && cp -a "$src" "$dest"
    fi
    chown -R "${CONTEXT_OWNER[$i]}" "${CONTEXT_DEST[$i]}"
done
for dir in "${WRITABLE[@]}"; do
    mkdir -p "$dir"
    chown "$RUN_UID:$RUN_GID" "$dir"
    chmod 0750 "$dir"
done
[[ ! -e $APP_DIR/samples ]] || fail "the image's $IMAGE_APP has a samples/ folder"

# a listing of everything the app must not change: the code, and the app folder but its writable ones
prune=()
for dir in "${WRITABLE[@]}"; do prune+=(-path "$dir" -prune -o); done
listing() {
    find "$CODE_DIR" "$APP_DIR" "${prune[@]}" -printf '%p %M %u:%g %s %T@\n' | sort
}
listing > "$WORK/before.txt"
# the layout itself: outside its writable folders the app owns nothing and nothing is world-writable
writable_by_app=$(find "$CODE_DIR" "$APP_DIR" "${prune[@]}" \( -uid "$RUN_UID" -o -gid "$RUN_GID" -perm -g+w -o -perm -o+w \) \
    ! -type l -print | sed "s|$ROOTFS||" | head -n 5 | tr '\n' ' ')
[[ -z $writable_by_app ]] || fail "the image lets uid $RUN_UID write outside ${WRITABLE[*]#"$ROOTFS"}: $writable_by_app"

# -------------------------------------------------------------------------------- running the image
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# the container's environment: the image's ENV and HOME (useradd --home-dir); the port and the
# loopback address are this test's, and the one logger that reports the graceful shutdown is on
container_env=(PATH="$PATH" HOME="$APP_DIR" LANG=C.UTF-8 "${IMAGE_ENV[@]}"
    SERVER_PORT="$PORT" SERVER_ADDRESS=127.0.0.1 LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_BOOT_TOMCAT=INFO)
# ENTRYPOINT as USER; each use runs `(cd WORKDIR && exec "${as_image[@]}" ARGS...)`, so that the
# process started is the JVM itself (setpriv, env and the entrypoint's `sh -c "exec java ..."` all
# exec) and SIGTERM reaches it as it would reach PID 1 in the container
as_image=(setpriv --reuid="$RUN_UID" --regid="$RUN_GID" --clear-groups env -i "${container_env[@]}" "${ENTRYPOINT[@]}")
log_tail() { echo "--- last lines of $1:" >&2; tail -n "${2:-30}" "$1" >&2; }
# the app falls back to copies inside the jar when its rule pack or map outline is missing, so a
# missing COPY of config/ would go unnoticed: the image must not rely on that
config_found() {   # config_found LOG WHAT
    if grep -h 'not found.*bundled' "$1" | head -n 3 | grep .; then
        fail "$2 did not find its config under $IMAGE_APP/config (the lines above): is a COPY of config/ missing?"
    fi
}

# (a) the CMD: serve
step "(a) ${CMD[*]//"$ROOTFS"/} as $RUN_UID:$RUN_GID on 127.0.0.1:$PORT"
(cd "$APP_DIR" && exec setsid "${as_image[@]}" "${CMD[@]}") > "$WORK/serve.log" 2>&1 &
SERVE_PID=$!
health() { curl -fsS --max-time 5 "http://127.0.0.1:$PORT/actuator/health/$1" 2>/dev/null | grep -q '"status":"UP"'; }
deadline=$((SECONDS + START_TIMEOUT))
until health liveness && health readiness; do
    if ! kill -0 "$SERVE_PID" 2>/dev/null; then
        wait "$SERVE_PID" && status=0 || status=$?
        log_tail "$WORK/serve.log"
        fail "(a) serve exited with status $status before it was ready"
    fi
    if (( SECONDS >= deadline )); then
        log_tail "$WORK/serve.log"
        fail "(a) serve: liveness and readiness not UP after ${START_TIMEOUT}s on 127.0.0.1:$PORT"
    fi
    sleep 2
done
echo "   liveness and readiness UP after $((SECONDS + START_TIMEOUT - deadline))s"
[[ $(ps -o comm= -p "$SERVE_PID") == java ]] || fail "(a) the entrypoint does not exec java: SIGTERM would not reach it (PID $SERVE_PID is $(ps -o comm= -p "$SERVE_PID"))"

kill -TERM "$SERVE_PID"
stopped_by=$((SECONDS + STOP_TIMEOUT))
while kill -0 "$SERVE_PID" 2>/dev/null && (( SECONDS < stopped_by )); do sleep 1; done
if kill -0 "$SERVE_PID" 2>/dev/null; then
    log_tail "$WORK/serve.log"
    fail "(a) serve still runs ${STOP_TIMEOUT}s after SIGTERM"
fi
wait "$SERVE_PID" && status=0 || status=$?
SERVE_PID=
[[ $status == 0 || $status == 143 ]] || { log_tail "$WORK/serve.log"; fail "(a) serve exited with $status on SIGTERM (expected 0 or 143)"; }
grep -q 'Graceful shutdown complete' "$WORK/serve.log" \
    || { log_tail "$WORK/serve.log"; fail "(a) serve stopped on SIGTERM without a graceful shutdown in its log"; }
echo "   SIGTERM: exit $status, graceful shutdown logged"
config_found "$WORK/serve.log" "(a) serve"

# (b) a one-shot run of the samples, copied into inbox/ as a delivery of the day would arrive
inbox=$APP_DIR/inbox/$PLAN_DATE
outbox=$APP_DIR/out
install -d -o "$RUN_UID" -g "$RUN_GID" -m 0750 "$inbox"
install -o "$RUN_UID" -g "$RUN_GID" -m 0640 "$ROOT"/samples/*.csv "$inbox/"
run_args=(run --date "$PLAN_DATE" --input "$IMAGE_APP/inbox/$PLAN_DATE" --output "$IMAGE_APP/out" --solver-seconds 3)
step "(b) ${run_args[*]}"
status=0
(cd "$APP_DIR" && exec "${as_image[@]}" "${run_args[@]//"$IMAGE_APP"/"$APP_DIR"}") > "$WORK/run.log" 2>&1 || status=$?
# 0 done, 3 done with blocked routes (published; the blocked ones need a person)
[[ $status == 0 || $status == 3 ]] || { log_tail "$WORK/run.log" 40; fail "(b) run exited with $status"; }
published=$(find "$outbox/$PLAN_DATE" -type f \( -name '*.xlsx' -o -name '*.pdf' \) 2>/dev/null | wc -l)
(( published > 0 )) || { log_tail "$WORK/run.log" 40; fail "(b) run exited $status but published no plan under $IMAGE_APP/out/$PLAN_DATE"; }
config_found "$WORK/run.log" "(b) run"
echo "   exit $status, $published plan files under $IMAGE_APP/out/$PLAN_DATE/, config found under $IMAGE_APP/config"

# (c) what the two processes wrote
step "(c) writes outside ${WRITABLE[*]#"$ROOTFS"}"
listing > "$WORK/after.txt"
if ! diff "$WORK/before.txt" "$WORK/after.txt" > "$WORK/listing.diff"; then
    sed "s|$ROOTFS||g" "$WORK/listing.diff" >&2
    fail "(c) the app changed files outside its writable folders (diff of the listings above)"
fi
world_writable=$(find "${WRITABLE[@]}" -perm -o+w ! -type l | sed "s|$ROOTFS||")
[[ -z $world_writable ]] || fail "(c) world-writable files in the writable folders: $world_writable"
not_owned=$(find "${WRITABLE[@]}" ! -uid "$RUN_UID" -newer "$WORK/before.txt" | sed "s|$ROOTFS||")
[[ -z $not_owned ]] || fail "(c) files not owned by $RUN_UID: $not_owned"
echo "   code and config unchanged; nothing world-writable; every new file owned by $RUN_UID"

# (d) the backup CronJob's command (k8s/base/backup-cronjobs.yaml) is in the image and runs as its user
backup=$(sed -n 's/^ *command: \["\([^"]*backup\.sh\)"\]/\1/p' "$ROOT/k8s/base/backup-cronjobs.yaml")
step "(d) the backup CronJob's $backup"
[[ $backup == "$IMAGE_CODE"/* ]] || fail "(d) the backup CronJob runs '$backup', not a file of the image's $IMAGE_CODE"
[[ -x $ROOTFS$backup ]] || fail "(d) the image has no executable $backup: is its COPY missing?"
status=0
(cd "$APP_DIR" && exec setpriv --reuid="$RUN_UID" --regid="$RUN_GID" --clear-groups env -i PATH="$PATH" "$ROOTFS$backup") \
    > "$WORK/backup.log" 2>&1 || status=$?
if [[ $status != 2 ]] || ! grep -q 'usage: scripts/backup.sh' "$WORK/backup.log"; then
    log_tail "$WORK/backup.log"
    fail "(d) $backup without a command exited $status without its usage"
fi
echo "   $backup runs as $RUN_UID and finds its library: usage, exit 2"
echo "validate/image-runtime: OK ($DOCKERFILE)"
