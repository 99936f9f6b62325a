#ifndef NEWSBUS_CNEWSBUSSYS_H
#define NEWSBUS_CNEWSBUSSYS_H
#include <sys/types.h>

/// Starts `argv[0]` (looked up in PATH) with `envp` in a child that:
///  - gets `parent_death_signal` when the calling thread's process dies (Linux PR_SET_PDEATHSIG;
///    0 leaves it unset), and exits at once if the parent is already gone;
///  - joins process group `pgid` (0: a new group led by the child; -1: stay in the caller's group);
///  - has stdin from /dev/null and stdout/stderr on `stdout_fd` / `stderr_fd` (-1: inherit);
///  - has default signal dispositions and an empty signal mask.
/// Returns the child's pid, or -1 with errno set (errno of a failed exec is reported too).
pid_t nb_spawn(const char *const argv[], const char *const envp[], pid_t pgid,
               int parent_death_signal, int stdout_fd, int stderr_fd);

/// Arranges for the calling process to receive `sig` when its parent dies (Linux only; 0 if
/// unsupported). Returns 0 on success. `expected_parent` guards the race where the parent died
/// before the call: if getppid() differs, the process exits with status 1.
int nb_set_parent_death_signal(int sig, pid_t expected_parent);


/// Installs SIGINT/SIGTERM/SIGHUP handlers that only record the signal (no SA_RESTART, so blocking
/// calls such as zmq_poll return EINTR), unblocks those signals in the calling thread (a parent
/// may have left them blocked), and ignores SIGPIPE. Call it from the main thread before starting
/// other threads, so they inherit the mask.
void nb_install_stop_handlers(void);

/// The first stop signal received since nb_install_stop_handlers, or 0.
int nb_stop_signal(void);

/// Clears the recorded stop signal.
void nb_clear_stop_signal(void);
#endif
