/*
 * kill and sigqueue to the program's own process: SI_USER and SI_QUEUE reach an SA_SIGINFO
 * handler with the sender's process id and the queued value; blocked real-time signals queue in
 * order with their values, a blocked standard signal pends once with its first sender; bad
 * signal numbers are EINVAL. (Only the program's own process id: on the host, another would
 * reach a real process.)
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void info(int sig, siginfo_t *si, void *context) {
  (void)context;
  printf("sig %d code %d from this process %d", sig, si->si_code, si->si_pid == getpid());
  if (si->si_code == SI_QUEUE) printf(" value %d", si->si_value.sival_int);
  printf("\n");
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = info;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  int rt = SIGRTMIN + 1;
  sigaction(SIGUSR1, &sa, 0);
  sigaction(SIGUSR2, &sa, 0);
  sigaction(rt, &sa, 0);
  printf("kill %d\n", kill(getpid(), SIGUSR1));
  union sigval v;
  v.sival_int = 42;
  printf("sigqueue %d\n", sigqueue(getpid(), SIGUSR2, v));
  printf("raise %d\n", raise(SIGUSR1));
  printf("kill 0 %d\n", kill(getpid(), 0));

  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, rt);
  sigaddset(&block, SIGUSR1);
  sigprocmask(SIG_BLOCK, &block, &old);
  for (int k = 1; k <= 3; k++) {
    v.sival_int = k * 100;
    sigqueue(getpid(), rt, v);
  }
  v.sival_int = 7;
  sigqueue(getpid(), SIGUSR1, v);
  kill(getpid(), SIGUSR1);
  printf("unblocking\n");
  sigprocmask(SIG_SETMASK, &old, 0);

  sigprocmask(SIG_BLOCK, &block, 0);
  v.sival_int = 9;
  sigqueue(getpid(), rt, v);
  int got = 0;
  sigwait(&block, &got);
  printf("sigwait took %d\n", got == rt);
  sigprocmask(SIG_SETMASK, &old, 0);

  errno = 0;
  int r = kill(getpid(), 65);
  printf("bad signal %d %d\n", r, errno == EINVAL);
  errno = 0;
  r = sigqueue(getpid(), -1, v);
  printf("bad signal %d %d\n", r, errno == EINVAL);
  return 0;
}
