/* <signal.h>: signal() and raise(); a handler runs on raise, stays installed, and its signal
   waits while it runs (glibc's semantics); strsignal. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "test.h"

static volatile sig_atomic_t total, depth;
static char trail[64];

static void note(char c) {
  char *p = trail + strlen(trail);
  *p++ = c;
  *p = 0;
}

static void counting(int sig) {
  total += sig;
  note('0' + sig % 10);
}

/* raises its own signal twice: each waits until this handler returns */
static void reentrant(int sig) {
  note('<');
  if (depth++ < 2) {
    ASSERT(0, raise(sig));
    note('-');
  }
  note('>');
}

/* switches SIGUSR2 to counting while it runs, then raises SIGUSR1 inside */
static void switching(int sig) {
  note('s');
  ASSERT(1, signal(SIGUSR2, counting) == switching);
  raise(SIGUSR1);
}

static int check_refused(int sig, void (*handler)(int)) {
  errno = 0;
  void (*old)(int) = signal(sig, handler);
  return old == SIG_ERR && errno == EINVAL;
}

int main(void) {
  ASSERT(4, sizeof(sig_atomic_t));
  printf("%d %d %d %d %d %d %d %d %d\n", SIGHUP, SIGINT, SIGILL, SIGABRT, SIGFPE, SIGSEGV, SIGTERM, SIGUSR1, SIGCHLD);

  ASSERT(1, check_refused(0, counting));
  ASSERT(1, check_refused(65, counting));
  ASSERT(1, check_refused(-3, SIG_IGN));
  ASSERT(1, check_refused(SIGKILL, counting));
  ASSERT(1, check_refused(SIGSTOP, SIG_IGN));
  ASSERT(1, check_refused(SIGINT, SIG_ERR));
  ASSERT(1, signal(SIGINT, SIG_DFL) == SIG_DFL);
  errno = 0;
  ASSERT(-1, raise(-1));
  ASSERT(EINVAL, errno);
  ASSERT(-1, raise(65));
  ASSERT(0, raise(0));

  ASSERT(1, signal(SIGUSR1, counting) == SIG_DFL);
  ASSERT(0, raise(SIGUSR1));
  ASSERT(0, raise(SIGUSR1));
  ASSERT(20, total);
  ASSERT(1, signal(SIGUSR1, SIG_IGN) == counting);
  ASSERT(0, raise(SIGUSR1));
  ASSERT(20, total);
  ASSERT(1, signal(SIGUSR1, counting) == SIG_IGN);

  signal(SIGINT, reentrant);
  raise(SIGINT);
  printf("%s\n", trail);
  trail[0] = 0;

  signal(SIGUSR2, switching);
  raise(SIGUSR2);
  raise(SIGUSR2);
  printf("%s %d\n", trail, total);

  // ignored by default
  ASSERT(0, raise(SIGCHLD));
  ASSERT(0, raise(SIGURG));
  ASSERT(0, raise(SIGWINCH));
  ASSERT(0, raise(SIGCONT));
  // SIG_IGN on a signal that would end the run
  signal(SIGTERM, SIG_IGN);
  ASSERT(0, raise(SIGTERM));

  int signals[] = {SIGHUP, SIGINT, SIGQUIT, SIGILL, SIGABRT, SIGFPE, SIGKILL, SIGSEGV, SIGPIPE, SIGALRM,
      SIGTERM, SIGUSR1, SIGUSR2, SIGCHLD, SIGCONT, SIGSTOP, SIGTSTP, SIGWINCH, SIGSYS, 0, 32, 34, 40, 64, 65, -3};
  for (int i = 0; i < (int)(sizeof signals / sizeof signals[0]); i++) printf("%d %s\n", signals[i], strsignal(signals[i]));
  printf("%d assertions\n", assertions);
  return 0;
}
