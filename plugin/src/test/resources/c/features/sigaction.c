/* <signal.h>'s sigaction, signal sets and sigprocmask, as glibc and Linux behave for a process
   that only raises its own signals: a blocked signal stays pending until unblocked, then the
   pending ones run, the last chosen first (the kernel stacks their frames, faults chosen first,
   then the lowest number); a handler runs with its sa_mask and its own signal blocked. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include "test.h"

static char trail[128];

static void note(const char *s) {
  strcat(trail, s);
}

static void named(int sig) {
  char text[8] = {' ', (char)('0' + sig / 10), (char)('0' + sig % 10), 0};
  note(text);
}

static int blocked_now(int sig) {
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  return sigismember(&now, sig);
}

/* records which signals are blocked while it runs */
static void masks(int sig) {
  named(sig);
  note(blocked_now(SIGUSR1) ? "+usr1" : "-usr1");
  note(blocked_now(SIGUSR2) ? "+usr2" : "-usr2");
  note(blocked_now(SIGHUP) ? "+hup" : "-hup");
}

/* with SA_NODEFER its own signal is not blocked: raised inside, it runs at once, nested */
static void nested(int sig) {
  static int depth;
  note("<");
  if (depth++ < 2) raise(sig);
  note(">");
}

static int refused(int result) {
  int e = errno;
  errno = 0;
  return result == -1 && e == EINVAL;
}

int main(void) {
  sigset_t set, other;
  struct sigaction act, old;

  // signal sets: glibc's two reserved signals (32, 33) are never members
  ASSERT(0, sigemptyset(&set));
  for (int sig = 1; sig < 65; sig++) ASSERT(0, sigismember(&set, sig));
  ASSERT(0, sigfillset(&set));
  for (int sig = 1; sig < 65; sig++) ASSERT(sig != 32 && sig != 33, sigismember(&set, sig));
  ASSERT(0, sigdelset(&set, SIGINT));
  ASSERT(0, sigismember(&set, SIGINT));
  ASSERT(0, sigemptyset(&set));
  ASSERT(0, sigaddset(&set, 64));
  ASSERT(0, sigaddset(&set, 1));
  ASSERT(1, sigismember(&set, 64));
  ASSERT(1, sigismember(&set, 1));
  ASSERT(0, sigismember(&set, 63));
  errno = 0;
  ASSERT(1, refused(sigaddset(&set, 32)));
  ASSERT(1, refused(sigdelset(&set, 33)));
  ASSERT(1, refused(sigaddset(&set, 0)));
  ASSERT(1, refused(sigaddset(&set, 65)));
  ASSERT(1, refused(sigismember(&set, 0)));
  ASSERT(1, refused(sigismember(&set, 65)));
  ASSERT(0, sigismember(&set, 32));

  // sigaction: refusals, and what it reports back (the kernel adds its restorer flag, 0x04000000)
  memset(&act, 0, sizeof act);
  act.sa_handler = masks;
  ASSERT(1, refused(sigaction(0, &act, NULL)));
  ASSERT(1, refused(sigaction(65, NULL, &old)));
  ASSERT(1, refused(sigaction(32, NULL, &old)));
  ASSERT(1, refused(sigaction(SIGKILL, &act, NULL)));
  ASSERT(1, refused(sigaction(SIGSTOP, &act, NULL)));
  ASSERT(0, sigaction(SIGKILL, NULL, &old));
  ASSERT(1, old.sa_handler == SIG_DFL);
  ASSERT(0, sigaction(SIGUSR1, NULL, &old));
  ASSERT(1, old.sa_handler == SIG_DFL);
  ASSERT(0, old.sa_flags);
  sigfillset(&act.sa_mask);
  ASSERT(0, sigaction(SIGUSR1, &act, NULL));
  ASSERT(0, sigaction(SIGUSR1, NULL, &old));
  ASSERT(1, old.sa_handler == masks);
  printf("flags %x\n", (unsigned)old.sa_flags);
  // SIGKILL and SIGSTOP leave the stored mask
  ASSERT(0, sigismember(&old.sa_mask, SIGKILL));
  ASSERT(0, sigismember(&old.sa_mask, SIGSTOP));
  ASSERT(1, sigismember(&old.sa_mask, SIGHUP));
  // signal() installs its handler with SA_RESTART and its own signal in the mask
  ASSERT(1, signal(SIGUSR2, masks) == SIG_DFL);
  ASSERT(0, sigaction(SIGUSR2, NULL, &old));
  printf("signal's flags %x, own signal masked %d, others %d\n", (unsigned)old.sa_flags,
         sigismember(&old.sa_mask, SIGUSR2), sigismember(&old.sa_mask, SIGUSR1));
  act.sa_flags = SA_RESETHAND | SA_NODEFER | SA_RESTART;
  ASSERT(0, sigaction(SIGHUP, &act, &old));
  ASSERT(0, sigaction(SIGHUP, &act, &old));
  printf("flags %x\n", (unsigned)old.sa_flags);

  // the masks while handlers run
  raise(SIGUSR1); // sa_mask is full
  raise(SIGUSR2); // signal(): only SIGUSR2
  sigemptyset(&act.sa_mask);
  sigaddset(&act.sa_mask, SIGUSR2);
  act.sa_flags = SA_NODEFER;
  sigaction(SIGUSR1, &act, NULL); // SIGUSR2 blocked, SIGUSR1 not
  raise(SIGUSR1);
  printf("masks:%s\n", trail);
  trail[0] = 0;

  // sigprocmask: SIGKILL, SIGSTOP and glibc's own cannot be blocked; a bad `how` is refused
  sigfillset(&set);
  ASSERT(0, sigprocmask(SIG_SETMASK, &set, NULL));
  ASSERT(0, sigprocmask(SIG_SETMASK, NULL, &other));
  ASSERT(0, sigismember(&other, SIGKILL));
  ASSERT(0, sigismember(&other, SIGSTOP));
  ASSERT(1, sigismember(&other, SIGHUP));
  ASSERT(1, sigismember(&other, 64));
  ASSERT(1, refused(sigprocmask(7, &set, &other)));
  ASSERT(0, sigprocmask(7, NULL, NULL)); // without a set, `how` is not looked at
  sigemptyset(&set);
  sigaddset(&set, SIGHUP);
  ASSERT(0, sigprocmask(SIG_UNBLOCK, &set, &other));
  ASSERT(1, sigismember(&other, SIGHUP));
  ASSERT(0, blocked_now(SIGHUP));
  ASSERT(1, blocked_now(SIGINT));
  sigemptyset(&set);
  sigprocmask(SIG_SETMASK, &set, NULL);

  // pending signals: raised while blocked, delivered when unblocked, the last chosen first
  signal(SIGINT, named);
  signal(SIGSEGV, named);
  signal(SIGUSR1, named);
  signal(SIGUSR2, named);
  sigaddset(&set, SIGUSR1);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGSEGV);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGUSR2);
  raise(SIGUSR1);
  raise(SIGUSR1); // a standard signal is pending once
  raise(SIGINT);
  raise(SIGSEGV);
  ASSERT(0, sigpending(&other));
  ASSERT(1, sigismember(&other, SIGUSR1));
  ASSERT(1, sigismember(&other, SIGSEGV));
  ASSERT(0, sigismember(&other, SIGTERM));
  note("unblock:");
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  printf("%s\n", trail);
  trail[0] = 0;

  // real-time signals queue: each raise is delivered
  ASSERT(64, SIGRTMAX);
  signal(SIGRTMIN + 6, named);
  signal(SIGRTMIN + 1, named);
  sigemptyset(&set);
  sigaddset(&set, SIGRTMIN + 6);
  sigaddset(&set, SIGRTMIN + 1);
  sigprocmask(SIG_BLOCK, &set, NULL);
  raise(SIGRTMIN + 6);
  raise(SIGRTMIN + 1);
  raise(SIGRTMIN + 6);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  printf("real-time:%s\n", trail);
  trail[0] = 0;

  // an action that ignores a signal discards it while pending, even when blocked
  sigemptyset(&set);
  sigaddset(&set, SIGUSR2);
  sigaddset(&set, SIGCHLD);
  sigprocmask(SIG_BLOCK, &set, NULL);
  signal(SIGUSR2, SIG_IGN);
  raise(SIGUSR2);
  sigpending(&other);
  ASSERT(1, sigismember(&other, SIGUSR2)); // blocked: kept, though ignored
  signal(SIGUSR2, named);
  sigpending(&other);
  ASSERT(1, sigismember(&other, SIGUSR2));
  signal(SIGUSR2, SIG_IGN);
  sigpending(&other);
  ASSERT(0, sigismember(&other, SIGUSR2));
  signal(SIGCHLD, named);
  raise(SIGCHLD);
  signal(SIGCHLD, SIG_DFL); // ignored by default: discarded too
  sigpending(&other);
  ASSERT(0, sigismember(&other, SIGCHLD));
  signal(SIGUSR2, named);
  raise(SIGUSR2);
  signal(SIGUSR2, SIG_IGN);
  signal(SIGUSR2, named);
  raise(SIGUSR2);
  sigprocmask(SIG_UNBLOCK, &set, NULL);
  printf("after ignoring:%s\n", trail);
  trail[0] = 0;

  // SA_NODEFER: raised inside its own handler, a signal nests
  memset(&act, 0, sizeof act);
  act.sa_handler = nested;
  act.sa_flags = SA_NODEFER;
  sigaction(SIGALRM, &act, NULL);
  raise(SIGALRM);
  printf("nested: %s\n", trail);
  trail[0] = 0;

  // SA_RESETHAND: the handler runs once, then the default action is back
  act.sa_handler = named;
  act.sa_flags = SA_RESETHAND;
  sigaction(SIGWINCH, &act, NULL);
  raise(SIGWINCH);
  raise(SIGWINCH); // ignored by default
  ASSERT(0, sigaction(SIGWINCH, NULL, &old));
  ASSERT(1, old.sa_handler == SIG_DFL);
  act.sa_handler = SIG_IGN; // an ignored signal is not delivered: SA_RESETHAND does not apply
  sigaction(SIGUSR2, &act, NULL);
  raise(SIGUSR2);
  ASSERT(0, sigaction(SIGUSR2, NULL, &old));
  ASSERT(1, old.sa_handler == SIG_IGN);
  printf("reset:%s\n", trail);
  printf("%d assertions\n", assertions);
  return 0;
}
