/*
 * SA_SIGINFO handlers (siginfo_t from raise: SI_TKILL), SA_RESETHAND keeping SA_SIGINFO in the
 * flags as Linux does, sigwait taking blocked pending signals lowest first, sigsuspend running a
 * handler under a temporary mask and returning -1 with EINTR, and psignal's lines on stderr.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

static void info(int sig, siginfo_t *si, void *context) {
  printf("info handler %d: signo %d code %d errno %d context %s\n", sig, si->si_signo, si->si_code, si->si_errno,
         context ? "set" : "null");
}

static void plain(int sig) {
  printf("plain %d\n", sig);
}

int main(void) {
  struct sigaction sa, old;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = info;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGUSR1, &sa, 0);
  raise(SIGUSR1);
  sigaction(SIGUSR1, 0, &old);
  printf("flags %#x same %d siginfo_t of 128 bytes %d\n", old.sa_flags, old.sa_sigaction == info,
         sizeof(siginfo_t) == 128);
  sa.sa_flags = SA_SIGINFO | SA_RESETHAND;
  sigaction(SIGUSR1, &sa, 0);
  raise(SIGUSR1);
  sigaction(SIGUSR1, 0, &old);
  printf("after the reset: flags %#x default %d\n", old.sa_flags, old.sa_handler == SIG_DFL);
  printf("SI_USER %d SI_QUEUE %d SI_TKILL %d\n", SI_USER, SI_QUEUE, SI_TKILL);

  signal(SIGUSR2, plain);
  signal(SIGTERM, plain);
  sigset_t set, before;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGTERM);
  sigprocmask(SIG_BLOCK, &set, &before);
  raise(SIGTERM);
  raise(SIGUSR2);
  int got = 0;
  int r = sigwait(&set, &got);
  printf("sigwait %d %d\n", r, got);
  r = sigwait(&set, &got);
  printf("sigwait %d %d\n", r, got);

  raise(SIGUSR2);
  raise(SIGTERM);
  sigset_t only_term;
  sigfillset(&only_term);
  sigdelset(&only_term, SIGTERM);
  errno = 0;
  r = sigsuspend(&only_term);
  printf("sigsuspend %d errno %d\n", r, errno == EINTR);
  sigset_t now;
  sigprocmask(SIG_SETMASK, 0, &now);
  sigpending(&set);
  printf("mask back %d, USR2 still pending %d, TERM pending %d\n", sigismember(&now, SIGUSR2) && sigismember(&now, SIGTERM),
         sigismember(&set, SIGUSR2), sigismember(&set, SIGTERM));
  sigset_t none;
  sigemptyset(&none);
  r = sigsuspend(&none);
  printf("sigsuspend %d\n", r);

  fflush(stdout);
  psignal(SIGINT, "psignal");
  psignal(SIGSEGV, "");
  psignal(SIGRTMIN + 2, 0);
  psignal(99, "ninety-nine");
  psignal(0, "zero");
  return 0;
}
