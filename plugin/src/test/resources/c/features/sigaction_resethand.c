// status: 138
/* SA_RESETHAND restores the default action as the handler starts, but (unlike SA_NODEFER) the
   signal stays blocked while it runs: raised inside, it ends the process once the handler returns. */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static void once(int sig) {
  printf("handler for %d\n", sig);
  raise(sig);
  printf("the signal waits\n");
  fflush(stdout); // gcc's stdout is a buffered pipe; the signal ends the process without flushing it
}

int main(void) {
  struct sigaction act;
  memset(&act, 0, sizeof act);
  act.sa_handler = once;
  act.sa_flags = SA_RESETHAND;
  sigaction(SIGUSR1, &act, NULL);
  raise(SIGUSR1);
  printf("not reached\n");
  return 0;
}
