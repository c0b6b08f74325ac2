// status: 143
/* A raised signal whose action is the default ends the run with the status a shell sees
   (128 + its number); a handler that restores the default and raises again ends it once it returns. */
#include <signal.h>
#include <stdio.h>

static void last_words(int sig) {
  printf("handler for %d\n", sig);
  signal(sig, SIG_DFL);
  raise(sig); // held until this handler returns
  printf("the signal waits\n");
  fflush(stdout); // gcc's stdout is a buffered pipe; the signal ends the process without flushing it
}

int main(void) {
  signal(SIGTERM, last_words);
  raise(SIGTERM);
  printf("not reached\n");
  return 0;
}
