// Where the learner's files live inside a sandbox, as both of its containers see them. The
// engine mounts the roots nosymfollow (see docker/images/engine/engine-entrypoint.sh), and the
// gateway lets bind mounts come only from there.
export const WORKSPACE = "/home/learner";
export const LEARNER_ROOTS = [WORKSPACE, "/tmp"] as const;
