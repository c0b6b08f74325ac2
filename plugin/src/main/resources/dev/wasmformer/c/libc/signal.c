/*
 * <signal.h>: nothing outside a run sends it signals, so a signal arrives only through raise(),
 * synchronously, as glibc delivers a raised signal before raise returns. A handler installed
 * with signal() stays installed (glibc's BSD semantics), and its signal is held while it runs:
 * raised again inside, it is delivered once the handler returns. A signal whose action is
 * the default ends the run as the process would end: SIGABRT as abort() does (a trap), the
 * others with exit status 128 + the signal's number, which is the status a shell sees for a
 * process that signal killed; SIGCHLD, SIGCONT, SIGURG and SIGWINCH are ignored by default,
 * and so are the stop signals (a run has no job control). abort() does not run a SIGABRT
 * handler.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>

static void (*handlers[NSIG])(int);

void __wasmformer_ignore_signal(int sig) {
  (void)sig;
}
static unsigned char held[NSIG], pending[NSIG];

void (*signal(int sig, void (*handler)(int)))(int) {
  // 32 and 33 are glibc's own (thread cancellation and set*id); SIGKILL and SIGSTOP cannot be caught
  if (sig < 1 || sig >= NSIG || sig == 32 || sig == 33 || handler == SIG_ERR
      || sig == SIGKILL || sig == SIGSTOP) {
    errno = EINVAL;
    return SIG_ERR;
  }
  void (*old)(int) = handlers[sig];
  handlers[sig] = handler;
  return old;
}

static void act_by_default(int sig) {
  switch (sig) {
    case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
      return;
    case SIGABRT:
      abort();
  }
  __wasmformer_exit(128 + sig);
}

int raise(int sig) {
  if (sig < 0 || sig >= NSIG) {
    errno = EINVAL;
    return -1;
  }
  if (sig == 0) return 0; // no signal: raise only checks that the process exists
  if (held[sig]) {
    pending[sig] = 1;
    return 0;
  }
  do {
    pending[sig] = 0;
    void (*handler)(int) = handlers[sig];
    if (handler == SIG_DFL) {
      act_by_default(sig);
    } else {
      held[sig] = 1;
      handler(sig);
      held[sig] = 0;
    }
  } while (pending[sig]);
  return 0;
}

/* <string.h>'s strsignal: glibc's descriptions of Linux's signals. */
char *strsignal(int sig) {
  static const char *const names[32] = {0, "Hangup", "Interrupt", "Quit", "Illegal instruction",
      "Trace/breakpoint trap", "Aborted", "Bus error", "Floating point exception", "Killed", "User defined signal 1",
      "Segmentation fault", "User defined signal 2", "Broken pipe", "Alarm clock", "Terminated", "Stack fault",
      "Child exited", "Continued", "Stopped (signal)", "Stopped", "Stopped (tty input)", "Stopped (tty output)",
      "Urgent I/O condition", "CPU time limit exceeded", "File size limit exceeded", "Virtual timer expired",
      "Profiling timer expired", "Window changed", "I/O possible", "Power failure", "Bad system call"};
  static char other[32];
  if (sig > 0 && sig < 32) return (char *)names[sig];
  // 34.. are the real-time signals (32 and 33 are glibc's own)
  const char *words = sig >= 34 && sig < NSIG ? "Real-time signal " : "Unknown signal ";
  int number = sig >= 34 && sig < NSIG ? sig - 34 : sig;
  char *p = other;
  while (*words) *p++ = *words++;
  if (number < 0) *p++ = '-';
  unsigned u = number < 0 ? 0u - (unsigned)number : (unsigned)number;
  char digits[12];
  int n = 0;
  do digits[n++] = (char)('0' + u % 10); while ((u /= 10) != 0);
  while (n > 0) *p++ = digits[--n];
  *p = 0;
  return other;
}
