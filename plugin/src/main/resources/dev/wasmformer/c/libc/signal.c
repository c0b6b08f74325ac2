/*
 * <signal.h>: nothing outside a run sends it signals, so a signal is generated only by raise()
 * (or abort()), synchronously, and delivered as Linux delivers it to a single-threaded process:
 * at once unless it is blocked, else left pending until sigprocmask (or a handler's return)
 * unblocks it. A standard signal is pending at most once; a real-time one (34..64) queues.
 * While a handler runs, its sa_mask and (without SA_NODEFER) its own signal are blocked;
 * signal() installs a handler that way with SA_RESTART (glibc's BSD semantics). A signal whose
 * action is the default ends the run as the process would end: SIGABRT with a trap (status
 * 134), the others with exit status 128 + the signal's number, which is the status a shell
 * sees for a process that signal killed; SIGCHLD, SIGCONT, SIGURG and SIGWINCH are ignored by
 * default, and so are the stop signals (a run has no job control).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The kernel adds this flag to every action glibc installs, and sigaction reports it back. */
#define RESTORER_FLAG 0x04000000

static struct sigaction actions[NSIG];
static sigset_t blocked;
static unsigned pending[NSIG];

void __wasmformer_ignore_signal(int sig) {
  (void)sig;
}

#define WORD(sig) ((unsigned)((sig) - 1) >> 5)
#define BIT(sig) (1u << (((sig) - 1) & 31))

static int out_of_range(int sig) {
  return sig < 1 || sig >= NSIG;
}

/* 32 and 33 are glibc's own (thread cancellation and set*id): no program may catch or block them */
static int reserved(int sig) {
  return out_of_range(sig) || sig == 32 || sig == 33;
}

static int refuse(void) {
  errno = EINVAL;
  return -1;
}

int sigemptyset(sigset_t *set) {
  set->__bits[0] = set->__bits[1] = 0;
  return 0;
}

int sigfillset(sigset_t *set) {
  set->__bits[WORD(32)] = ~BIT(32);
  set->__bits[WORD(33)] = ~BIT(33);
  return 0;
}

int sigaddset(sigset_t *set, int sig) {
  if (reserved(sig)) return refuse();
  set->__bits[WORD(sig)] |= BIT(sig);
  return 0;
}

int sigdelset(sigset_t *set, int sig) {
  if (reserved(sig)) return refuse();
  set->__bits[WORD(sig)] &= ~BIT(sig);
  return 0;
}

int sigismember(const sigset_t *set, int sig) {
  if (out_of_range(sig)) return refuse();
  return (set->__bits[WORD(sig)] & BIT(sig)) != 0;
}

/* SIGKILL and SIGSTOP cannot be blocked, nor glibc's own two */
static void unblockable_out(sigset_t *set) {
  set->__bits[0] &= ~(BIT(SIGKILL) | BIT(SIGSTOP) | BIT(32));
  set->__bits[WORD(33)] &= ~BIT(33);
}

static int ignored_by_default(int sig) {
  switch (sig) {
    case SIGCHLD: case SIGCONT: case SIGURG: case SIGWINCH:
    case SIGSTOP: case SIGTSTP: case SIGTTIN: case SIGTTOU:
      return 1;
  }
  return 0;
}

static void act_by_default(int sig) {
  if (ignored_by_default(sig)) return;
  if (sig == SIGABRT) abort();
  __wasmformer_exit(128 + sig);
}

/* Linux's choice among pending signals: the lowest synchronous one (a fault), else the lowest. */
static int next_deliverable(void) {
  int first = 0;
  for (int sig = 1; sig < NSIG; sig++) {
    if (pending[sig] == 0 || (blocked.__bits[WORD(sig)] & BIT(sig))) continue;
    switch (sig) {
      case SIGILL: case SIGTRAP: case SIGBUS: case SIGFPE: case SIGSEGV: case SIGSYS:
        return sig;
    }
    if (first == 0) first = sig;
  }
  return first;
}

/* Deliveries so far: sigsuspend returns once one has happened. */
static unsigned delivered;

/*
 * Who sent each pending instance, in the order they were sent: raise (glibc's is a tgkill:
 * SI_TKILL), kill (SI_USER) or sigqueue (SI_QUEUE, with its value). A standard signal pends
 * once, with its first sender; a real-time one queues, up to QUEUE instances in all.
 */
#define QUEUE 64
static struct {
  int sig;
  int code;
  union sigval value;
} senders[QUEUE];
static int queued;

/* Takes sig's oldest sender out of the queue into info. */
static void take_sender(int sig, siginfo_t *info) {
  for (int i = 0; i < queued; i++) {
    if (senders[i].sig != sig) continue;
    info->si_code = senders[i].code;
    info->si_pid = getpid();
    info->si_value = senders[i].value;
    for (queued--; i < queued; i++) senders[i] = senders[i + 1];
    return;
  }
}

/*
 * An SA_SIGINFO handler's call, with its sender's information; the context is a pointer to
 * nothing a program can use, but not null, as Linux's.
 */
static void call_with_info(void (*handler)(int), int sig, siginfo_t *info) {
  static int context;
  ((void (*)(int, siginfo_t *, void *))handler)(sig, info, &context);
}

/*
 * Delivers every pending signal that is not blocked. Linux prepares the frames of all of them
 * before returning to the program, each under the mask of the one before, so the handler of
 * the signal chosen last runs first: hence the recursion before the handler's call.
 */
static void deliver_pending(void) {
  int sig;
  while ((sig = next_deliverable()) != 0) {
    pending[sig]--;
    siginfo_t info = {0};
    info.si_signo = sig;
    take_sender(sig, &info);
    struct sigaction *action = &actions[sig];
    void (*handler)(int) = action->sa_handler;
    if (handler == SIG_IGN) continue; // not delivered: SA_RESETHAND keeps SIG_IGN
    if (handler == SIG_DFL) {
      act_by_default(sig);
      continue;
    }
    sigset_t before = blocked;
    blocked.__bits[0] |= action->sa_mask.__bits[0];
    blocked.__bits[1] |= action->sa_mask.__bits[1];
    if (!(action->sa_flags & SA_NODEFER)) blocked.__bits[WORD(sig)] |= BIT(sig);
    int with_info = action->sa_flags & SA_SIGINFO;
    if (action->sa_flags & SA_RESETHAND) action->sa_handler = SIG_DFL; // SA_SIGINFO stays, as Linux's
    deliver_pending();
    if (with_info) {
      call_with_info(handler, sig, &info);
    } else {
      handler(sig);
    }
    blocked = before;
    delivered++;
  }
}

int sigaction(int sig, const struct sigaction *restrict act, struct sigaction *restrict old) {
  if (reserved(sig) || (act && (sig == SIGKILL || sig == SIGSTOP))) return refuse();
  if (old) *old = actions[sig];
  if (act) {
    actions[sig] = *act;
    actions[sig].sa_flags |= RESTORER_FLAG;
    actions[sig].sa_restorer = 0;
    unblockable_out(&actions[sig].sa_mask);
    // a pending signal that the new action ignores is discarded, even while blocked
    if (act->sa_handler == SIG_IGN || (act->sa_handler == SIG_DFL && ignored_by_default(sig))) pending[sig] = 0;
  }
  return 0;
}

void (*signal(int sig, void (*handler)(int)))(int) {
  struct sigaction act, old;
  act.sa_handler = handler;
  act.sa_flags = SA_RESTART;
  sigemptyset(&act.sa_mask);
  if (handler == SIG_ERR || sigaddset(&act.sa_mask, sig) != 0 || sigaction(sig, &act, &old) != 0) {
    errno = EINVAL;
    return SIG_ERR;
  }
  return old.sa_handler;
}

int sigprocmask(int how, const sigset_t *restrict set, sigset_t *restrict old) {
  sigset_t before = blocked;
  if (set) {
    sigset_t change = *set;
    if (how == SIG_BLOCK) {
      blocked.__bits[0] |= change.__bits[0];
      blocked.__bits[1] |= change.__bits[1];
    } else if (how == SIG_UNBLOCK) {
      blocked.__bits[0] &= ~change.__bits[0];
      blocked.__bits[1] &= ~change.__bits[1];
    } else if (how == SIG_SETMASK) {
      blocked = change;
    } else {
      return refuse();
    }
    unblockable_out(&blocked);
  }
  if (old) *old = before;
  deliver_pending();
  return 0;
}

/* The run cannot wait for a signal that nothing will send: it ends, with a line on stderr. */
static void wait_forever(const char *function) {
  fputs(function, stderr);
  fputs(": no signal can arrive (nothing outside a run sends one), so the run would wait forever\n", stderr);
  __builtin_trap();
}

/* Delivers what the mask lets through, then puts the old mask back: -1 with EINTR, as Linux's. */
int sigsuspend(const sigset_t *mask) {
  sigset_t before = blocked;
  unsigned count = delivered;
  blocked = *mask;
  unblockable_out(&blocked);
  deliver_pending();
  blocked = before;
  if (delivered == count) wait_forever("sigsuspend");
  errno = EINTR;
  return -1;
}

/* Takes the lowest pending signal of the set (blocked ones included, as sigwait is for them). */
int sigwait(const sigset_t *restrict set, int *restrict sig) {
  for (int s = 1; s < NSIG; s++) {
    if (pending[s] && (set->__bits[WORD(s)] & BIT(s))) {
      pending[s]--;
      siginfo_t info;
      take_sender(s, &info);
      *sig = s;
      return 0;
    }
  }
  wait_forever("sigwait");
  return EINVAL;
}

/*
 * glibc's psignal: "message: description" on stderr, the description alone when the message is
 * null or empty; glibc's list has the standard signals only ("Unknown signal N" for the others).
 */
void psignal(int sig, const char *message) {
  if (message && *message) {
    fputs(message, stderr);
    fputs(": ", stderr);
  }
  char *text = sig > 0 && sig < 32 ? strsignal(sig) : 0;
  if (text) {
    fputs(text, stderr);
  } else {
    fprintf(stderr, "Unknown signal %d", sig);
  }
  fputc('\n', stderr);
}

int sigpending(sigset_t *set) {
  sigemptyset(set);
  for (int sig = 1; sig < NSIG; sig++) {
    if (pending[sig]) set->__bits[WORD(sig)] |= BIT(sig);
  }
  return 0;
}

/* Makes sig pending (a standard signal at most once) with its sender, then delivers. */
static int send(int sig, int code, union sigval value) {
  if (sig < 0 || sig >= NSIG) return refuse();
  if (sig == 0) return 0; // no signal: only checks that the process exists
  if (sig >= 34 || pending[sig] == 0) {
    if (queued == QUEUE) {
      if (code == SI_QUEUE) {
        errno = EAGAIN; // Linux's limit of queued signals
        return -1;
      }
    } else {
      senders[queued].sig = sig;
      senders[queued].code = code;
      senders[queued].value = value;
      queued++;
    }
    pending[sig]++;
  }
  deliver_pending();
  return 0;
}

int raise(int sig) {
  union sigval none = {0};
  return send(sig, SI_TKILL, none);
}

/*
 * The run is one process, getpid()'s, in a process group of its own: kill and sigqueue reach it
 * by its id (and kill by 0, its group); there is no other process (ESRCH). kill(-1, ...) reaches
 * every process but the sender and init, so none.
 */
static int reaches_this_process(pid_t pid, int group_too) {
  return pid == getpid() || (group_too && (pid == 0 || pid == -getpid()));
}

int kill(pid_t pid, int sig) {
  if (sig < 0 || sig >= NSIG) return refuse();
  if (!reaches_this_process(pid, 1)) {
    errno = ESRCH;
    return -1;
  }
  union sigval none = {0};
  return send(sig, SI_USER, none);
}

int sigqueue(pid_t pid, int sig, const union sigval value) {
  if (sig < 0 || sig >= NSIG) return refuse();
  if (!reaches_this_process(pid, 0)) {
    errno = ESRCH;
    return -1;
  }
  return send(sig, SI_QUEUE, value);
}

/* abort unblocks SIGABRT and raises it; if a handler returns, or the signal is ignored, the
   run ends all the same, as a process that SIGABRT killed (C17 7.22.4.1): with a trap, in
   abort also when SIGABRT's default action ends the run */
void abort(void) {
  sigset_t abrt;
  sigemptyset(&abrt);
  sigaddset(&abrt, SIGABRT);
  sigprocmask(SIG_UNBLOCK, &abrt, 0);
  if (actions[SIGABRT].sa_handler != SIG_DFL) raise(SIGABRT);
  __builtin_trap();
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
