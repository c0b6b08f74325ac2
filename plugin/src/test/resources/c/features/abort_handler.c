// status: 3
/* abort() raises SIGABRT, so a handler installed for it runs first (C17 7.22.4.1), even while
   SIGABRT is blocked: abort unblocks it. This handler leaves with longjmp, then with exit. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static jmp_buf back;
static int calls;

static void leave(int sig) {
  sigset_t now;
  sigprocmask(SIG_BLOCK, NULL, &now);
  printf("handler %d for signal %d, SIGABRT blocked inside: %d\n", ++calls, sig, sigismember(&now, SIGABRT));
  if (calls == 1) longjmp(back, 1);
  fflush(stdout);
  exit(3);
}

int main(void) {
  signal(SIGABRT, leave);
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGABRT);
  sigprocmask(SIG_BLOCK, &set, NULL);
  if (setjmp(back) == 0) {
    abort();
  }
  sigemptyset(&set);
  sigprocmask(SIG_SETMASK, &set, NULL);
  printf("back in main\n");
  abort();
  printf("not reached\n");
  return 0;
}
