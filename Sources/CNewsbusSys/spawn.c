#define _GNU_SOURCE
#include "CNewsbusSys.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

extern char **environ;

static void child_fail(int pipe_fd) {
    int err = errno;
    (void)!write(pipe_fd, &err, sizeof err);
    _exit(127);
}

pid_t nb_spawn(const char *const argv[], const char *const envp[], pid_t pgid,
               int parent_death_signal, int stdout_fd, int stderr_fd) {
    int report[2];
    if (pipe2(report, O_CLOEXEC) != 0) return -1;
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0) {
        int err = errno;
        close(report[0]);
        close(report[1]);
        errno = err;
        return -1;
    }
    if (pid == 0) {
        /* Child: only async-signal-safe calls from here to exec. */
        close(report[0]);
#ifdef __linux__
        if (parent_death_signal > 0) {
            if (prctl(PR_SET_PDEATHSIG, parent_death_signal) != 0) child_fail(report[1]);
            if (getppid() != parent) _exit(1);
        }
#endif
        if (pgid >= 0 && setpgid(0, pgid) != 0) child_fail(report[1]);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        for (int s = 1; s < NSIG; s++) {
            if (s == SIGKILL || s == SIGSTOP) continue;
            signal(s, SIG_DFL);
        }
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0) { dup2(devnull, 0); if (devnull > 2) close(devnull); }
        if (stdout_fd >= 0 && dup2(stdout_fd, 1) < 0) child_fail(report[1]);
        if (stderr_fd >= 0 && dup2(stderr_fd, 2) < 0) child_fail(report[1]);
        if (envp) execvpe(argv[0], (char *const *)argv, (char *const *)envp);
        else execvp(argv[0], (char *const *)argv);
        child_fail(report[1]);
    }
    /* Parent: wait for exec (pipe closes) or a reported errno. */
    close(report[1]);
    int child_errno = 0;
    ssize_t n;
    do { n = read(report[0], &child_errno, sizeof child_errno); } while (n < 0 && errno == EINTR);
    close(report[0]);
    if (n == (ssize_t)sizeof child_errno) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        errno = child_errno;
        return -1;
    }
    /* Also set the group from the parent side to close the race with an early signal. */
    if (pgid >= 0) setpgid(pid, pgid == 0 ? pid : pgid);
    return pid;
}

int nb_set_parent_death_signal(int sig, pid_t expected_parent) {
#ifdef __linux__
    if (prctl(PR_SET_PDEATHSIG, sig) != 0) return -1;
    if (expected_parent > 0 && getppid() != expected_parent) _exit(1);
    return 0;
#else
    (void)sig; (void)expected_parent;
    return 0;
#endif
}
